namespace QmInsights.Reports.Layout;

/// <summary>One piece of a document: it places itself on the pages, breaking across them when it is long.</summary>
public abstract record Block
{
    public abstract void Place(PageComposer pages);
}
