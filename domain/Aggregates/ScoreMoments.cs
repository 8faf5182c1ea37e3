namespace QmInsights.Domain.Aggregates;

/// <summary>Count, sum and sum of squares of scores: enough for a mean, a standard deviation and a t-interval,
/// and subtractable, so a revised evaluation can be taken back out.</summary>
[GenerateSerializer, Alias("qm.ScoreMoments")]
public struct ScoreMoments
{
    [Id(0)] public long Count;
    [Id(1)] public double Sum;
    [Id(2)] public double SumOfSquares;

    public void Add(double value, int sign)
    {
        Count += sign;
        Sum += sign * value;
        SumOfSquares += sign * value * value;
    }

    public void Add(in ScoreMoments other, int sign)
    {
        Count += sign * other.Count;
        Sum += sign * other.Sum;
        SumOfSquares += sign * other.SumOfSquares;
    }

    public readonly double? Mean => Count > 0 ? Sum / Count : null;

    /// <summary>Sample standard deviation (n - 1), null below two values.</summary>
    public readonly double? StandardDeviation
    {
        get
        {
            if (Count < 2) return null;
            var variance = (SumOfSquares - Sum * Sum / Count) / (Count - 1);
            return Math.Sqrt(Math.Max(0, variance)); // rounding can push an all-equal sample just below zero
        }
    }

    public readonly bool IsZero => Count == 0 && Sum == 0 && SumOfSquares == 0;
}
