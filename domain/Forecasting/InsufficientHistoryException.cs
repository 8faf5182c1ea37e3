namespace QmInsights.Domain.Forecasting;

/// <summary>The history is too short or empty to learn a forecast from; the message says what is missing.</summary>
public sealed class InsufficientHistoryException(string message) : Exception(message);
