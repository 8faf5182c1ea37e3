namespace QmInsights.Domain;

/// <summary>A string hash that is the same in every process (string.GetHashCode is randomised).</summary>
public static class StableHash
{
    public static int GetDeterministicHash(this string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }
}
