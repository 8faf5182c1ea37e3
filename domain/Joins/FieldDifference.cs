using System.Collections;

namespace QmInsights.Domain.Joins;

/// <summary>Names the fields in which two records of the same type differ, for conflict messages.</summary>
public static class FieldDifference
{
    public static IReadOnlyList<string> Between<T>(T accepted, T submitted) where T : notnull
    {
        var names = new List<string>();
        foreach (var property in typeof(T).GetProperties())
        {
            // Only stored fields: computed ones (Survey.Satisfied) would repeat what a stored field already says.
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0) continue;
            var a = property.GetValue(accepted);
            var b = property.GetValue(submitted);
            var same = a is IEnumerable ea and not string && b is IEnumerable eb and not string
                ? ea.Cast<object?>().SequenceEqual(eb.Cast<object?>())
                : Equals(a, b);
            if (!same) names.Add(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
        }
        return names;
    }
}
