using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Joins;

/// <summary>The interaction rows of one shard held compactly: one <see cref="ContactRow"/> struct per row in chunked
/// arrays, interaction ids packed as bytes (<see cref="InteractionIds"/>), other ids numbered in a per-shard <see cref="StringTable"/>, and
/// evaluations (few) beside the rows. Rows are indexed by the contact's day in the centre's calendar, so a query for a
/// range of days touches only the rows of those days. Rows come out as <see cref="InteractionJoin"/>s made on demand.</summary>
/// <remarks>Serialised as grain state: the arrays, the string table and the evaluations; the id lookup and the day
/// index are rebuilt from them on first use.</remarks>
[GenerateSerializer, Alias("qm.ShardRows")]
public sealed class ShardRows
{
    private const int SlotsPerChunk = 1 << 12;

    [Id(0)] private StringTable _strings = new();
    [Id(1)] private InteractionIds _ids = new();
    // Fixed-size chunks rather than one doubling array: at most one chunk of room to spare per shard.
    [Id(2)] private List<ContactRow[]> _contacts = new();
    // Slots below this were used at some time; a freed slot holds no id and is reused.
    [Id(3)] private int _used;
    [Id(4)] private Dictionary<int, RowEvaluations> _evaluations = new();

    [NonSerialized] private CentreCalendar? _calendar;
    [NonSerialized] private RowIndex? _index;

    /// <summary>Empty rows on UTC days (Orleans makes grain state through this constructor).</summary>
    public ShardRows()
    {
    }

    /// <summary>Empty rows indexed by the days of <paramref name="calendar"/>.</summary>
    public ShardRows(CentreCalendar calendar)
    {
        _calendar = calendar;
    }

    /// <summary>The rows of <paramref name="rows"/> (a load from the fact store) held compactly.</summary>
    public static ShardRows Of(IEnumerable<KeyValuePair<string, InteractionJoin>> rows, CentreCalendar calendar)
    {
        var compact = new ShardRows(calendar);
        foreach (var (id, row) in rows) compact.Put(id, row);
        return compact;
    }

    /// <summary>The calendar whose days index the rows; setting another one re-indexes them.</summary>
    public CentreCalendar Calendar
    {
        get => _calendar ?? CentreCalendar.Utc;
        set
        {
            if (ReferenceEquals(value, _calendar)) return;
            _calendar = value;
            _index = null;
        }
    }

    /// <summary>How many rows the shard holds.</summary>
    public int Count => _ids.Count;

    /// <summary>Whether the shard holds a row for <paramref name="interactionId"/>, without making it.</summary>
    public bool Contains(string interactionId) => _ids.SlotOf(interactionId) >= 0;

    /// <summary>The row of <paramref name="interactionId"/>, made on demand, or null.</summary>
    public InteractionJoin? Find(string interactionId) =>
        _ids.SlotOf(interactionId) is var slot and >= 0 ? Join(slot, interactionId) : null;

    /// <summary>When the contact of <paramref name="interactionId"/> started, in UTC, or null when the shard does not hold
    /// it; read from the compact row without making the whole row.</summary>
    public DateTimeOffset? StartedAtUtc(string interactionId) =>
        _ids.SlotOf(interactionId) is var slot and >= 0 && Contact(slot) is { HasInteraction: true } contact ? contact.StartedAtUtc : null;

    /// <summary>Stores <paramref name="row"/> as the row of <paramref name="interactionId"/>, replacing what was there.</summary>
    public void Put(string interactionId, InteractionJoin row)
    {
        var index = Index();
        var slot = SlotFor(interactionId, index);
        ref var contact = ref Contact(slot);
        var before = contact;
        contact = ContactRow.Of(row.Interaction, row.Survey, _strings);
        if (!before.HasInteraction || !contact.HasInteraction || before.StartedTicks != contact.StartedTicks)
        {
            if (before.HasInteraction) index.Unlist(DayOf(before), slot);
            if (contact.HasInteraction) index.List(DayOf(contact), slot);
        }
        if (row.Evaluations.Count + row.Replaced.Count == 0) _evaluations.Remove(slot);
        else _evaluations[slot] = new RowEvaluations(Compact(row.Evaluations, interactionId), Compact(row.Replaced, interactionId));
    }

    /// <summary>The contact of <paramref name="interactionId"/> (null when it has not arrived) and the row's evaluations
    /// (null when it has none), without making the rest of the row: what judging an evaluation needs.</summary>
    public (Interaction? Contact, RowEvaluations? Evaluations) EvaluationsOf(string interactionId)
    {
        var slot = _ids.SlotOf(interactionId);
        return slot < 0 ? (null, null) : (Contact(slot).Interaction(interactionId, _strings), _evaluations.GetValueOrDefault(slot));
    }

    /// <summary>Stores the evaluations of the row of <paramref name="interactionId"/> (made when new, without its contact),
    /// leaving its contact and survey as they are.</summary>
    public void PutEvaluations(string interactionId, ScoredEvaluation[] current, ScoredEvaluation[] replaced)
    {
        var slot = SlotFor(interactionId, Index());
        if (current.Length + replaced.Length == 0) _evaluations.Remove(slot);
        else _evaluations[slot] = new RowEvaluations(Compact(current, interactionId), Compact(replaced, interactionId));
    }

    /// <summary>Removes the row of <paramref name="interactionId"/>; false when there was none.</summary>
    public bool Remove(string interactionId)
    {
        var index = Index();
        var slot = _ids.SlotOf(interactionId);
        if (slot < 0) return false;
        ref var contact = ref Contact(slot);
        if (contact.HasInteraction) index.Unlist(DayOf(contact), slot);
        contact = default;
        _ids.Remove(slot);
        _evaluations.Remove(slot);
        index.Free.Push(slot);
        return true;
    }

    /// <summary>Every row with its interaction id, made on demand.</summary>
    public IEnumerable<KeyValuePair<string, InteractionJoin>> All()
    {
        for (var slot = 0; slot < _used; slot++)
            if (_ids.Holds(slot) && _ids[slot] is var id) yield return new(id, Join(slot, id));
    }

    /// <summary>The rows whose contact's local day lies in [<paramref name="from"/>, <paramref name="to"/>] (null: open),
    /// in day order; only evaluated ones when <paramref name="evaluatedOnly"/>. Rows without their contact are not dated.</summary>
    public IEnumerable<InteractionJoin> Contacts(DateOnly? from, DateOnly? to, bool evaluatedOnly = false)
    {
        foreach (var slot in Index().Between(from, to))
            if (!evaluatedOnly || _evaluations.ContainsKey(slot)) yield return Join(slot, _ids[slot]);
    }

    /// <summary>The contacts whose local day lies in [<paramref name="from"/>, <paramref name="to"/>] (null: open), without
    /// their surveys and evaluations (cheaper when only the contact counts, as for interval tallies).</summary>
    public IEnumerable<Interaction> Interactions(DateOnly? from, DateOnly? to)
    {
        foreach (var slot in Index().Between(from, to)) yield return Contact(slot).Interaction(_ids[slot], _strings)!;
    }

    /// <summary>The latest local day with a contact; null when no row holds one.</summary>
    public DateOnly? LastDay => Index().Last is { } day ? DateOnly.FromDayNumber(day) : null;

    /// <summary>Every row with at least one evaluation (current or replaced), dated or not.</summary>
    public IEnumerable<InteractionJoin> Evaluated() => _evaluations.Keys.Select(slot => Join(slot, _ids[slot]));

    private ref ContactRow Contact(int slot) => ref _contacts[slot >> 12][slot & (SlotsPerChunk - 1)];

    private InteractionJoin Join(int slot, string id)
    {
        var contact = Contact(slot);
        var evaluations = _evaluations.GetValueOrDefault(slot);
        return new InteractionJoin
        {
            Interaction = contact.Interaction(id, _strings),
            Survey = contact.Survey(id),
            Evaluations = evaluations is null ? new() : [.. evaluations.Current],
            Replaced = evaluations is null ? new() : [.. evaluations.Replaced],
        };
    }
    // Evaluations keep their records, but with the shard's single copy of every id (item ids included).
    private ScoredEvaluation[] Compact(IReadOnlyList<ScoredEvaluation> evaluations, string interactionId)
    {
        if (evaluations.Count == 0) return [];
        var compact = new ScoredEvaluation[evaluations.Count];
        for (var k = 0; k < compact.Length; k++) compact[k] = Compact(evaluations[k], interactionId);
        return compact;
    }

    private ScoredEvaluation Compact(ScoredEvaluation scored, string interactionId)
    {
        var e = scored.Evaluation;
        var answers = e.Answers;
        if (answers.Any(a => !ReferenceEquals(a.ItemId, _strings.Intern(a.ItemId))))
            answers = [.. answers.Select(a => a with { ItemId = _strings.Intern(a.ItemId) })];
        var interned = e with
        {
            InteractionId = interactionId,
            AgentId = _strings.Intern(e.AgentId),
            EvaluatorId = _strings.Intern(e.EvaluatorId),
            ScorecardId = _strings.Intern(e.ScorecardId),
            Answers = answers,
        };
        return ReferenceEquals(interned.InteractionId, e.InteractionId) && ReferenceEquals(interned.AgentId, e.AgentId)
               && ReferenceEquals(interned.EvaluatorId, e.EvaluatorId) && ReferenceEquals(interned.ScorecardId, e.ScorecardId)
               && answers == e.Answers
            ? scored
            : scored with { Evaluation = interned };
    }

    // The slot of the row, or a free one taken for it (a new row holds nothing yet).
    private int SlotFor(string interactionId, RowIndex index)
    {
        var slot = _ids.SlotOf(interactionId);
        if (slot >= 0) return slot;
        slot = index.Free.Count > 0 ? index.Free.Pop() : Grow();
        _ids.Add(slot, interactionId);
        Contact(slot) = ContactRow.Of(null, null, _strings);
        return slot;
    }

    private int Grow()
    {
        if (_used == _contacts.Count * SlotsPerChunk) _contacts.Add(new ContactRow[SlotsPerChunk]);
        return _used++;
    }

    private int DayOf(ContactRow contact) => Calendar.DayOf(contact.StartedAtUtc).DayNumber;

    private RowIndex Index()
    {
        if (_index is not null) return _index;
        var index = new RowIndex();
        for (var slot = _used - 1; slot >= 0; slot--)
            if (!_ids.Holds(slot)) index.Free.Push(slot);
        for (var slot = 0; slot < _used; slot++)
            if (_ids.Holds(slot) && Contact(slot).HasInteraction) index.List(DayOf(Contact(slot)), slot);
        return _index = index;
    }

    /// <summary>The free slots, and the slots of each local day (days sorted).</summary>
    private sealed class RowIndex
    {
        public Stack<int> Free { get; } = new();
        private readonly Dictionary<int, List<int>> _byDay = new();
        private readonly List<int> _days = new();

        public int? Last => _days.Count > 0 ? _days[^1] : null;

        public void List(int day, int slot)
        {
            if (!_byDay.TryGetValue(day, out var slots))
            {
                _byDay[day] = slots = new List<int>();
                var at = _days.BinarySearch(day);
                _days.Insert(~at, day);
            }
            slots.Add(slot);
        }

        public void Unlist(int day, int slot)
        {
            var slots = _byDay[day];
            slots.Remove(slot);
            if (slots.Count > 0) return;
            _byDay.Remove(day);
            _days.RemoveAt(_days.BinarySearch(day));
        }

        public IEnumerable<int> Between(DateOnly? from, DateOnly? to)
        {
            var first = from?.DayNumber ?? int.MinValue;
            var last = to?.DayNumber ?? int.MaxValue;
            var at = _days.BinarySearch(first);
            for (var k = at >= 0 ? at : ~at; k < _days.Count && _days[k] <= last; k++)
                foreach (var slot in _byDay[_days[k]])
                    yield return slot;
        }
    }
}
