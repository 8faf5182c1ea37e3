using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>A table column: header, share of the table's width, and whether figures align right.</summary>
public sealed record TableColumn(string Header, float Width, bool AlignRight = false);

/// <summary>One cell: its text and tone (arrows and verdicts are coloured).</summary>
public sealed record TableCell(string Text, Tone Tone = Tone.Neutral)
{
    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>A table whose cells wrap; it breaks between rows and repeats its header on every page it reaches.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows) : Block
{
    private const float Pad = 3f;
    private static readonly SKColor HeaderFill = Tones.Accent, Zebra = new(0xF2, 0xF5, 0xF9);

    public override void Place(PageComposer pages)
    {
        var total = Columns.Sum(c => c.Width);
        var widths = Columns.Select(c => c.Width / total * PageComposer.ContentWidth).ToArray();
        using var cellFont = TextStyle.TableCell.Font();
        using var headerFont = TextStyle.TableHeader.Font();
        var header = Wrap(Columns.Select(c => c.Header).ToList(), headerFont, widths);
        var headerHeight = Height(header, TextStyle.TableHeader);

        var rows = Rows.Select(r => Wrap(r.Select(c => c.Text).ToList(), cellFont, widths)).ToList();
        pages.EnsureSpace(headerHeight + (rows.Count > 0 ? Height(rows[0], TextStyle.TableCell) : 0));
        Header();
        for (var i = 0; i < rows.Count; i++)
        {
            var height = Height(rows[i], TextStyle.TableCell);
            if (pages.Y + height > PageComposer.Bottom && !pages.AtPageTop)
            {
                pages.NewPage();
                Header();
            }
            if (i % 2 == 1) pages.Rect(new SKRect(PageComposer.Left, pages.Y, PageComposer.Left + PageComposer.ContentWidth, pages.Y + height), Zebra);
            Cells(rows[i], i, TextStyle.TableCell);
            pages.Y += height;
        }
        pages.Y += 8;

        void Header()
        {
            pages.Rect(new SKRect(PageComposer.Left, pages.Y, PageComposer.Left + PageComposer.ContentWidth, pages.Y + headerHeight), HeaderFill);
            Cells(header, -1, TextStyle.TableHeader);
            pages.Y += headerHeight;
        }

        void Cells(List<List<string>> cells, int row, TextStyle style)
        {
            var x = PageComposer.Left;
            for (var c = 0; c < cells.Count; c++)
            {
                var cellStyle = row >= 0 ? style.WithColor(Rows[row][c].Tone.Color()) : style;
                var top = pages.Y + Pad;
                foreach (var line in cells[c])
                {
                    if (Columns[c].AlignRight) pages.Text(line, x + widths[c] - Pad, top, cellStyle, SKTextAlign.Right);
                    else pages.Text(line, x + Pad, top, cellStyle);
                    top += style.LineHeight;
                }
                x += widths[c];
            }
        }
    }

    /// <summary>Each cell's lines; a cell of a row taller than a page would be cut to what fits.</summary>
    private static List<List<string>> Wrap(IReadOnlyList<string> cells, SKFont font, float[] widths)
    {
        var maxLines = (int)((PageComposer.Bottom - PageComposer.Top) / 2 / (font.Size * 1.3f));
        return cells.Select((text, c) => TextWrap.Lines(text, font, widths[c] - 2 * Pad).Take(maxLines).ToList()).ToList();
    }

    private static float Height(List<List<string>> cells, TextStyle style) =>
        Math.Max(1, cells.Max(c => c.Count)) * style.LineHeight + 2 * Pad;
}
