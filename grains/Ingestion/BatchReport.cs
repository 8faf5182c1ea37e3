using QmInsights.Domain.Joins;

namespace QmInsights.Grains.Ingestion;

/// <summary>What became of a submitted batch. Rejected records never block the valid ones.</summary>
public sealed class BatchReport
{
    /// <summary>New records, now counted (revisions included).</summary>
    public long Accepted { get; private set; }
    /// <summary>Records already accepted with the same content: acknowledged, not counted twice.</summary>
    public long Duplicates { get; private set; }
    /// <summary>Evaluation revisions that replaced an earlier revision.</summary>
    public long Revised { get; private set; }
    /// <summary>Evaluation revisions older than the one already accepted: acknowledged, not applied.</summary>
    public long Superseded { get; private set; }
    /// <summary>Rejected records that reused an accepted id for different content (part of <see cref="Rejected"/>).</summary>
    public long Conflicts { get; private set; }
    public List<RejectedRecord> Rejected { get; } = new();
    /// <summary>Fields present in the body that are not part of the contract: they were not stored.</summary>
    public SortedSet<string> IgnoredFields { get; } = new(StringComparer.Ordinal);

    /// <summary>Records whose comment was masked or dropped by the comment policy before it was stored.</summary>
    public List<RedactedRecord> Redacted { get; } = new();

    public void Reject(int position, string? id, string reason) => Rejected.Add(new RejectedRecord(position, id, reason));

    public void Count(FactOutcome outcome, string? id)
    {
        switch (outcome.Status)
        {
            case FactStatus.Accepted: Accepted++; break;
            case FactStatus.Revised: Accepted++; Revised++; break;
            case FactStatus.Duplicate: Duplicates++; break;
            case FactStatus.Superseded: Superseded++; break;
            case FactStatus.Conflict:
                Conflicts++;
                Reject(outcome.Position, id, outcome.Reason ?? "conflicts with an accepted record");
                break;
        }
    }

    public void Add(BatchReport other)
    {
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Revised += other.Revised;
        Superseded += other.Superseded;
        Conflicts += other.Conflicts;
        Rejected.AddRange(other.Rejected);
        Redacted.AddRange(other.Redacted);
        IgnoredFields.UnionWith(other.IgnoredFields);
    }
}
