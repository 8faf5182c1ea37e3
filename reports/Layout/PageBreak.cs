namespace QmInsights.Reports.Layout;

/// <summary>Starts a new page (nothing when the current page is still empty).</summary>
public sealed record PageBreak : Block
{
    public override void Place(PageComposer pages)
    {
        if (!pages.AtPageTop) pages.NewPage();
    }
}
