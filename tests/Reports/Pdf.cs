using System.Diagnostics;

namespace QmInsights.Tests.Reports;

/// <summary>Reads a PDF back with poppler-utils (pdftotext, pdfinfo), as a reader's viewer would.</summary>
public static class Pdf
{
    /// <summary>The text of each page, in layout order.</summary>
    public static List<string> Pages(byte[] pdf)
    {
        var text = Run("pdftotext", "-layout", pdf, "-");
        return text.Split('\f').SkipLast(1).ToList();
    }

    /// <summary>pdfinfo's fields (Pages, Title, Page size...).</summary>
    public static Dictionary<string, string> Info(byte[] pdf) =>
        Run("pdfinfo", null, pdf, null).Split('\n').Where(l => l.Contains(':'))
            .ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim());

    /// <summary>The fonts the PDF uses, one pdffonts row each.</summary>
    public static List<string> Fonts(byte[] pdf) => Run("pdffonts", null, pdf, null).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();

    private static string Run(string tool, string? option, byte[] pdf, string? output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qm-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (option is not null) start.ArgumentList.Add(option);
            start.ArgumentList.Add(file);
            if (output is not null) start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} could not read the PDF: {errors}");
            return text;
        }
        finally { File.Delete(file); }
    }
}
