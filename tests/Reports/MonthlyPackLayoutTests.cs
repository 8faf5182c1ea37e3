using QmInsights.Reports.Layout;
using QmInsights.Reports.Pack;

namespace QmInsights.Tests.Reports;

public sealed class MonthlyPackLayoutTests
{
    [Fact]
    public void A_full_pack_opens_as_A4_with_every_section_and_embedded_selectable_DejaVu_text()
    {
        var pdf = MonthlyPack.Render(PackSamples.Full());
        if (Environment.GetEnvironmentVariable("QM_PACK_OUT") is { Length: > 0 } file) File.WriteAllBytes(file, pdf);

        var info = Pdf.Info(pdf);
        Assert.EndsWith("(A4)", info["Page size"]);
        Assert.Equal("Quality monthly pack 2025-12 – whole centre", info["Title"]);
        var pages = Pdf.Pages(pdf);
        Assert.Equal(int.Parse(info["Pages"]), pages.Count);
        var text = string.Join("\n", pages);
        foreach (var section in new[] { "Quality monthly pack", "Executive summary", "12-month trends", "Team league table",
                     "where points are lost", "Conflicting metrics", "QA and CSAT disagree", "Calibration health", "Evaluation coverage", "Next peak forecast and staffing", "Queues: offered, abandoned and service level" })
            Assert.Contains(section, text);
        Assert.Contains("83.4", text);
        Assert.Matches(@"12:00–13:00\s+240\s+220–260\s+6:20\s+5:50–7:00\s+28\s+35\s+78\.0%", text);
        Assert.Matches(@"volume\s+MAPE\s+9\.8%\s+against\s+14\.1%\s+for\s+seasonal-naive", text);
        Assert.Contains("95% CI 82.6–84.2", text);
        Assert.Matches(@"billing\s+12,400\s+11,900\s+500\s+4\.0%\s+81\.2%\s+18\.4 s\s+6:11", text);
        // The footer numbers every page after the cover, and chart labels are text too (vector, not pictures).
        Assert.Contains($"Page 2 of {pages.Count}", pages[1]);
        Assert.Contains("Cumulative %", text);
        Assert.Matches(@"cal-2025-12-b\s+2025-12-18\s+5\s+7\s+79\.0%\s+0\.58\s+0\.66\s+empathy", text);
        Assert.Matches(@"cal-2025-12-a\s+2025-12-04\s+6\s+8\s+86\.0%\s+0\.71\s+0\.82 \(0\.64-0\.93\)\s+upsell", text);
        var fonts = Pdf.Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("DejaVuSans", f));
        Assert.All(fonts, f => Assert.Contains(" yes ", f)); // embedded
    }

    [Fact]
    public void Page_one_is_the_cover_and_the_executive_summary_with_its_highlights_and_tiles()
    {
        var data = PackSamples.Full();
        var highlights = ExecutiveHighlights.Of(data);

        var first = Flat(Pdf.Pages(MonthlyPack.Render(data))[0]);

        Assert.InRange(highlights.Count, 3, ExecutiveHighlights.Most);
        Assert.Contains("Quality monthly pack", first);
        Assert.Contains("Executive summary", first);
        foreach (var highlight in highlights) Assert.Contains(Flat(highlight), first);
        Assert.Contains("QA score 83.4, up", first);
        Assert.Contains("Decision needed: offers an additional product (upsell) lowers CSAT, -0.42 CSAT points per contact", first);
        Assert.Contains("First-contact resolution", first); // the KPI tiles are on page one too
        Assert.DoesNotContain("Team league table", first); // the detail starts on page two
    }

    [Fact]
    public void Highlights_say_direction_and_number_and_stay_within_five()
    {
        var data = PackSamples.Full();
        var highlights = ExecutiveHighlights.Of(data);
        Assert.All(highlights, h => Assert.Matches(@"\d", h));
        Assert.Contains(highlights, h => h.StartsWith("Biggest QA move of any team: ", StringComparison.Ordinal) && (h.Contains(" up ") || h.Contains(" down ")));
        Assert.Contains(highlights, h => h.StartsWith("Evaluations at ", StringComparison.Ordinal) && h.Contains("teams are below 80% of theirs"));

        var bare = data with { Previous = null, Conflicts = [], League = [], Coverage = [], Forecast = null, Items = [] };
        Assert.Equal(["QA score 83.4, no previous month to compare; below its target of 85 even at the top of its 95% interval (84.2)."],
            ExecutiveHighlights.Of(bare).Take(1));
    }

    // pdftotext keeps the layout's line breaks; a sentence is compared with its spaces and breaks made single spaces.
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void Sections_without_data_are_left_out_rather_than_shown_empty()
    {
        var data = PackSamples.Full() with { Conflicts = [], DisagreeingAgents = [], Calibration = null, Coverage = [], Trend = [], Forecast = null, Queues = null };

        var text = string.Join("\n", Pdf.Pages(MonthlyPack.Render(data)));

        Assert.Contains("Executive summary", text);
        Assert.Contains("Team league table", text);
        Assert.DoesNotContain("Conflicting metrics", text);
        Assert.DoesNotContain("Calibration health", text);
        Assert.DoesNotContain("Evaluation coverage", text);
        Assert.DoesNotContain("Next peak", text);
        Assert.DoesNotContain("Queues:", text);
        Assert.DoesNotContain("12-month trends", text);
        Assert.DoesNotContain("Trends over", text);
    }

    [Fact]
    public void A_table_of_300_rows_breaks_across_pages_repeating_its_header_and_never_runs_past_the_bottom_margin()
    {
        var rows = Enumerable.Range(1, 300).Select(i => (IReadOnlyList<TableCell>)[$"row-{i:000}", $"value {i}",
            i % 50 == 0 ? "a long cell that has to wrap onto several lines because it does not fit the narrow column it is in" : "short"]).ToList();
        var document = new ReportDocument("Long table", "Long table", DateTimeOffset.UnixEpoch,
            [new Heading("Rows"), new Table([new("Key", 1), new("Value", 1, true), new("Note", 1)], rows)]);

        var layout = PdfRenderer.Layout(document);
        var pages = Pdf.Pages(PdfRenderer.Render(document));

        Assert.True(pages.Count >= 6, $"300 rows on {pages.Count} pages");
        Assert.Equal(layout.PageCount, pages.Count);
        // Every page carries the header row, and every row appears exactly once, in order.
        Assert.All(pages, p => Assert.Matches(@"Key\s+Value\s+Note", p));
        var keys = pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p, @"row-\d{3}").Select(m => m.Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"row-{i:000}"), keys);
        Assert.True(layout.Y <= PageComposer.Bottom + 8);
    }
}
