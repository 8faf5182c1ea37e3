namespace QmInsights.Reports.Layout;

/// <summary>A document: its blocks in order, the running header, and the metadata the PDF carries.</summary>
public sealed record ReportDocument(string Title, string Header, DateTimeOffset CreatedAt, IReadOnlyList<Block> Blocks);
