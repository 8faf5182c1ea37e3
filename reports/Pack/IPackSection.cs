using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack;

/// <summary>One section of the monthly pack. It returns no blocks when its data is missing, so the pack never shows
/// an empty placeholder. A new section is one class added to <see cref="MonthlyPack.Sections"/>.</summary>
public interface IPackSection
{
    IEnumerable<Block> Build(MonthlyPackData data);
}
