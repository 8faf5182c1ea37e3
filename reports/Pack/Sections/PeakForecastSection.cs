using System.Globalization;
using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Next peak forecast and staffing: the busiest queue's next peak day in the weeks after the month, its busiest
/// intervals with the agents they need, and how the forecast compares with seasonal-naive. Left out when there is too
/// little history to forecast (and in team packs: the forecast is per queue, not per team).</summary>
public sealed class PeakForecastSection : IPackSection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.Forecast is not { Busiest.Count: > 0 } f) yield break;
        yield return new Heading("Next peak forecast and staffing");
        var day = f.Day.ToString("dddd d MMMM yyyy", Invariant);
        var why = f.Declared ? "a declared peak (campaign or holiday)" : "the day of most forecast workload (contacts × handle time)";
        yield return new Paragraph(
            $"Forecast for queue {f.Queue} ({f.Channel}), the month's busiest with {Format.Count(f.MonthContacts)} contacts, over the " +
            $"{(f.To.DayNumber - f.From.DayNumber + 1) / 7} weeks after the month ({f.From.ToString("d MMM", Invariant)} to {f.To.ToString("d MMM yyyy", Invariant)}). " +
            $"Next peak: {day}, {why}.");
        yield return new Paragraph(
            $"Its busiest hours (UTC), forecast with 80% prediction intervals, and the agents Erlang C needs for " +
            $"{(f.ServiceLevelTarget * 100).ToString("0", Invariant)}% of contacts answered within {f.AnswerWithinSeconds.ToString("0", Invariant)} s " +
            $"(scheduled = on the phones plus {(f.Shrinkage * 100).ToString("0", Invariant)}% shrinkage).");
        yield return new Table(
            [new("Hour (UTC)", 1.1f), new("Contacts", 0.9f, true), new("Contacts 80% range", 1.2f, true), new("Handle time", 1, true),
                new("Handle time 80% range", 1.3f, true), new("Agents on phones", 1.1f, true), new("Agents scheduled", 1.1f, true),
                new("Expected service level", 1.1f, true)],
            f.Busiest.Select(i => (IReadOnlyList<TableCell>)
            [
                $"{i.Start.UtcDateTime:HH:mm}–{i.Start.UtcDateTime.AddHours(1):HH:mm}", Format.Number(i.Volume, 0),
                $"{Format.Number(i.VolumeLower80, 0)}–{Format.Number(i.VolumeUpper80, 0)}", Format.Duration(i.HandleSeconds),
                $"{Format.Duration(i.HandleLower80)}–{Format.Duration(i.HandleUpper80)}", Format.Count(i.AgentsOnPhones), Format.Count(i.AgentsScheduled),
                new TableCell(Format.Share(i.ServiceLevel), i.ServiceLevel >= f.ServiceLevelTarget ? Tone.Good : Tone.Bad),
            ]).ToList());
        yield return new Paragraph(
            $"Accuracy (mean absolute percentage error, lower is better) over the last {f.BacktestWeeks} weeks of the " +
            $"{f.HistoryWeeks.ToString("0.#", Invariant)} weeks of history, each week forecast from the weeks before it: " +
            $"volume MAPE {Format.Percent(f.VolumeMape)} against {Format.Percent(f.VolumeNaiveMape)} for seasonal-naive (same hour last week), " +
            $"handle time MAPE {Format.Percent(f.HandleMape)} against {Format.Percent(f.HandleNaiveMape)}.");
    }
}
