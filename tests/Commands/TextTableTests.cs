using System.Text.Json;
using QmInsights.Silo.Commands;

namespace QmInsights.Tests.Commands;

public sealed class TextTableTests
{
    [Fact]
    public void Columns_fit_their_widest_cell_and_numbers_are_right_aligned()
    {
        var output = new StringWriter();
        new TextTable("evaluator", "n", "verdict").Add("qa-01", "7", "in line").Add("qa-lead", "120", "lenient").Write(output);
        Assert.Equal(
            """
            evaluator    n  verdict
            ---------  ---  -------
            qa-01        7  in line
            qa-lead    120  lenient

            """.ReplaceLineEndings(), output.ToString().ReplaceLineEndings());
    }

    [Fact]
    public void Json_cells_print_absent_and_null_values_as_a_dash()
    {
        using var doc = JsonDocument.Parse("""{ "a": 1.23456, "b": null, "ci": [0.1, 0.25], "s": "x" }""");
        var e = doc.RootElement;
        Assert.Equal("1.235", TextTable.Number(e, "a"));
        Assert.Equal("-", TextTable.Number(e, "b"));
        Assert.Equal("-", TextTable.Number(e, "missing"));
        Assert.Equal("[0.1, 0.25]", TextTable.Interval(e, "ci"));
        Assert.Equal("x", TextTable.Text(e, "s"));
        Assert.Equal("-", TextTable.Text(e, "b"));
        Assert.Throws<ArgumentException>(() => new TextTable("one", "two").Add("only"));
    }
}
