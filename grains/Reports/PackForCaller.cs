namespace QmInsights.Grains.Reports;

/// <summary>A pack as one caller may read it: the PDF (null when the month has no data in that scope), or why the caller
/// may not have it; for an e-mail also the pack's page-one summary (<see cref="Highlights"/>).</summary>
public sealed record PackForCaller(byte[]? Pdf, string? Denial, IReadOnlyList<string>? Highlights = null);
