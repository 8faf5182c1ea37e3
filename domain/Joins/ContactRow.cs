using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Joins;

/// <summary>One shard row's contact and survey in 64 bytes: ids as numbers in the shard's <see cref="StringTable"/>,
/// times as ticks and offset minutes, durations as the doubles they arrived as (so every millisecond survives), and
/// presence flags instead of nullable fields.</summary>
[GenerateSerializer, Alias("qm.ContactRow")]
public struct ContactRow
{
    [Id(0)] public long StartedTicks;
    [Id(1)] public double HandleSeconds;
    [Id(2)] public double AfterCallWorkSeconds;
    [Id(3)] public double WaitSeconds;
    [Id(4)] public long AnsweredTicks;
    [Id(5)] public int Agent;
    [Id(6)] public int Team;
    [Id(7)] public int Queue;
    [Id(8)] public short StartedOffsetMinutes;
    [Id(9)] public short AnsweredOffsetMinutes;
    [Id(10)] public short Csat;
    [Id(11)] public short Nps;
    [Id(12)] public byte Channel;
    [Id(13)] public ContactOutcome Outcome;
    [Id(14)] public ContactFlags Flags;

    /// <summary>True when the row holds its contact (a survey or evaluation may arrive first).</summary>
    public readonly bool HasInteraction => (Flags & ContactFlags.Interaction) != 0;

    /// <summary>True when the row holds a survey.</summary>
    public readonly bool HasSurvey => (Flags & ContactFlags.Survey) != 0;

    /// <summary>The compact form of <paramref name="interaction"/> and <paramref name="survey"/> (either may be null).</summary>
    public static ContactRow Of(Interaction? interaction, Survey? survey, StringTable strings)
    {
        var row = new ContactRow { Agent = StringTable.None, Team = StringTable.None, Queue = StringTable.None };
        if (interaction is { } i)
        {
            row.Flags |= ContactFlags.Interaction;
            (row.StartedTicks, row.StartedOffsetMinutes) = Split(i.StartedAt);
            row.Channel = checked((byte)i.Channel);
            row.Agent = strings.Number(i.AgentId);
            row.Team = strings.Number(i.TeamId);
            row.Queue = strings.Number(i.Queue);
            row.HandleSeconds = i.HandleSeconds;
            row.Outcome = i.Outcome;
            if (i.AfterCallWorkSeconds is { } acw)
            {
                row.Flags |= ContactFlags.AfterCallWork;
                row.AfterCallWorkSeconds = acw;
            }
            if (i.WaitSeconds is { } wait)
            {
                row.Flags |= ContactFlags.Wait;
                row.WaitSeconds = wait;
            }
            if (i.ResolvedFirstContact is { } resolved) row.Flags |= resolved ? ContactFlags.Resolved : ContactFlags.Unresolved;
        }
        if (survey is { } s)
        {
            row.Flags |= ContactFlags.Survey;
            (row.AnsweredTicks, row.AnsweredOffsetMinutes) = Split(s.AnsweredAt);
            if (s.Csat is { } csat)
            {
                row.Flags |= ContactFlags.Csat;
                row.Csat = checked((short)csat);
            }
            if (s.Nps is { } nps)
            {
                row.Flags |= ContactFlags.Nps;
                row.Nps = checked((short)nps);
            }
        }
        return row;
    }

    /// <summary>The contact as a record again (null when the row has none); <paramref name="id"/> is the row's interaction id.</summary>
    public readonly Interaction? Interaction(string id, StringTable strings) => HasInteraction
        ? new Interaction(id, (Channel)Channel, strings[Agent], strings[Team], strings[Queue]!, Join(StartedTicks, StartedOffsetMinutes),
            HandleSeconds,
            (Flags & ContactFlags.AfterCallWork) != 0 ? AfterCallWorkSeconds : null,
            (Flags & ContactFlags.Wait) != 0 ? WaitSeconds : null,
            (Flags & ContactFlags.Resolved) != 0 ? true : (Flags & ContactFlags.Unresolved) != 0 ? false : null,
            Outcome)
        : null;

    /// <summary>The survey as a record again (null when the row has none).</summary>
    public readonly Survey? Survey(string id) => HasSurvey
        ? new Survey(id, Join(AnsweredTicks, AnsweredOffsetMinutes),
            (Flags & ContactFlags.Csat) != 0 ? Csat : null,
            (Flags & ContactFlags.Nps) != 0 ? Nps : null)
        : null;

    /// <summary>When the contact started, in UTC (only meaningful with <see cref="HasInteraction"/>).</summary>
    public readonly DateTimeOffset StartedAtUtc => new(StartedTicks, TimeSpan.Zero);

    private static (long Ticks, short OffsetMinutes) Split(DateTimeOffset time) =>
        (time.UtcTicks, checked((short)time.Offset.TotalMinutes));

    private static DateTimeOffset Join(long utcTicks, short offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}

/// <summary>Which optional parts of a <see cref="ContactRow"/> are present.</summary>
[Flags, GenerateSerializer, Alias("qm.ContactFlags")]
public enum ContactFlags : byte
{
    None = 0,
    Interaction = 1,
    AfterCallWork = 2,
    Wait = 4,
    Resolved = 8,
    Unresolved = 16,
    Survey = 32,
    Csat = 64,
    Nps = 128,
}
