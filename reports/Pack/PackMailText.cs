using System.Text;

namespace QmInsights.Reports.Pack;

/// <summary>The words of a pack e-mail: a subject naming the month and scope, and a short plain-text body with the pack's
/// page-one summary, so the reader knows what changed before opening the attachment.</summary>
public static class PackMailText
{
    /// <summary>"Quality pack February 2026: whole centre".</summary>
    public static string Subject(string month, string? teamId) => $"Quality pack {Format.MonthName(month)}: {ScopeName(teamId)}";

    /// <summary>The body: what is attached, the summary sentences, why the reader gets it and how to stop it.</summary>
    public static string Body(string month, string? teamId, IReadOnlyList<string> highlights, string role)
    {
        var text = new StringBuilder();
        text.Append($"The quality pack for {Format.MonthName(month)} ({ScopeName(teamId)}) is attached as {FileName(month, teamId)}.\n\n");
        if (highlights.Count > 0)
        {
            text.Append("Executive summary:\n");
            foreach (var sentence in highlights) text.Append("- ").Append(sentence).Append('\n');
            text.Append('\n');
        }
        text.Append($"You receive this pack as {role}. A QA manager or admin changes or ends the subscription (/api/reports/subscriptions).\n");
        return text.ToString();
    }

    /// <summary>The pack's file name, for the endpoint's download and the e-mail's attachment.</summary>
    public static string FileName(string month, string? teamId) => $"quality-pack-{month}{(teamId is null ? "" : "-" + teamId)}.pdf";

    private static string ScopeName(string? teamId) => teamId is null ? "whole centre" : $"team {teamId}";
}
