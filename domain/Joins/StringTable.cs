namespace QmInsights.Domain.Joins;

/// <summary>The distinct strings of one shard's rows (agent, team, queue, evaluator, scorecard and item ids), each
/// kept once and named by its number: a row then holds four-byte numbers instead of a reference per field, and a
/// million contacts of one queue share one copy of its name.</summary>
[GenerateSerializer, Alias("qm.StringTable")]
public sealed class StringTable
{
    /// <summary>Number for a missing (null) string.</summary>
    public const int None = -1;

    [Id(0)] private readonly List<string> _strings = new();
    // Rebuilt from the list after deserialisation: the list alone is the state.
    [NonSerialized] private Dictionary<string, int>? _numbers;

    /// <summary>How many distinct strings the table holds.</summary>
    public int Count => _strings.Count;

    /// <summary>The number of <paramref name="value"/>, added when new; <see cref="None"/> for null.</summary>
    public int Number(string? value)
    {
        if (value is null) return None;
        var numbers = Numbers();
        if (numbers.TryGetValue(value, out var number)) return number;
        numbers[value] = number = _strings.Count;
        _strings.Add(value);
        return number;
    }

    /// <summary>The table's own copy of <paramref name="value"/> (added when new), so equal strings share one instance.</summary>
    public string Intern(string value) => _strings[Number(value)];

    /// <summary>The string numbered <paramref name="number"/>, or null for <see cref="None"/>.</summary>
    public string? this[int number] => number == None ? null : _strings[number];

    private Dictionary<string, int> Numbers()
    {
        if (_numbers is not null) return _numbers;
        _numbers = new Dictionary<string, int>(_strings.Count, StringComparer.Ordinal);
        for (var n = 0; n < _strings.Count; n++) _numbers[_strings[n]] = n;
        return _numbers;
    }
}
