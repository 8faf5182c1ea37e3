using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>Lays a document out on A4 pages and writes it with Skia's PDF backend: embedded fonts, selectable text,
/// vector charts, a header and "page i of n" on every page after the cover.</summary>
public static class PdfRenderer
{
    /// <summary>Places every block (no drawing yet): the pages and what goes on each.</summary>
    public static PageComposer Layout(ReportDocument document)
    {
        var pages = new PageComposer();
        foreach (var block in document.Blocks) block.Place(pages);
        return pages;
    }

    public static byte[] Render(ReportDocument document)
    {
        var pages = Layout(document);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Author = "QmInsights",
            Creator = "QmInsights",
            Producer = "QmInsights (SkiaSharp PDF)",
            Creation = document.CreatedAt.UtcDateTime,
            Modified = document.CreatedAt.UtcDateTime,
            RasterDpi = 300,
        };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.PageCount; i++)
            {
                var canvas = pdf.BeginPage(PageComposer.PageWidth, PageComposer.PageHeight);
                foreach (var draw in pages.Pages[i]) draw(canvas);
                if (i > 0) HeaderAndFooter(canvas, document, i + 1, pages.PageCount);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return stream.ToArray();
    }

    private static void HeaderAndFooter(SKCanvas canvas, ReportDocument document, int page, int count)
    {
        using var font = TextStyle.Small.Font();
        using var paint = new SKPaint { Color = TextStyle.Small.Color, IsAntialias = true };
        using var rule = new SKPaint { Color = new SKColor(0xCC, 0xCC, 0xCC), StrokeWidth = 0.5f };
        var right = PageComposer.Left + PageComposer.ContentWidth;
        var headerBaseline = PageComposer.Margin - font.Metrics.Ascent;
        canvas.DrawText(TextWrap.Truncate(document.Header, font, PageComposer.ContentWidth), PageComposer.Left, headerBaseline, SKTextAlign.Left, font, paint);
        canvas.DrawLine(PageComposer.Left, PageComposer.Margin + 11, right, PageComposer.Margin + 11, rule);
        var footerTop = PageComposer.PageHeight - PageComposer.Margin;
        canvas.DrawLine(PageComposer.Left, footerTop - 4, right, footerTop - 4, rule);
        canvas.DrawText($"Generated {document.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC", PageComposer.Left, footerTop - font.Metrics.Ascent, SKTextAlign.Left, font, paint);
        canvas.DrawText($"Page {page} of {count}", right, footerTop - font.Metrics.Ascent, SKTextAlign.Right, font, paint);
    }
}
