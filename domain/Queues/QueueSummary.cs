namespace QmInsights.Domain.Queues;

/// <summary>One queue's figures over a range, in total and per interval.</summary>
public sealed record QueueSummary(string Queue, QueueFigures Total, List<QueueFigures> Intervals);
