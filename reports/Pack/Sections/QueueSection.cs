using System.Globalization;
using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Queues: the month's offered volume, abandons, service level and speed of answer per queue, so quality is
/// read next to the service customers got. Centre packs only (queues are not a team's); left out without contacts.</summary>
public sealed class QueueSection : IPackSection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.Queues is not { Lines.Count: > 0 } q) yield break;
        yield return new Heading("Queues: offered, abandoned and service level");
        yield return new Paragraph(
            $"Service level is the share of offered contacts answered within {q.ServiceLevelSeconds.ToString("0.#", Invariant)} s; offered is " +
            $"handled plus abandoned, leaving out short abandons (under {q.ShortAbandonSeconds.ToString("0.#", Invariant)} s of waiting). " +
            "ASA is the mean wait of the handled contacts.");
        yield return new Table(
            [new("Queue", 1.3f), new("Offered", 1, true), new("Handled", 1, true), new("Abandoned", 1, true), new("Abandon rate", 1, true),
                new("Service level", 1, true), new("ASA", 0.8f, true), new("AHT", 0.8f, true)],
            q.Lines.Select(l => (IReadOnlyList<TableCell>)
            [
                l.Queue, Format.Count(l.Offered), Format.Count(l.Handled), Format.Count(l.Abandoned), Format.Share(l.AbandonRate),
                Format.Share(l.ServiceLevel), l.AsaSeconds is { } asa ? $"{asa.ToString("0.0", Invariant)} s" : Format.None,
                Format.Duration(l.AhtSeconds),
            ]).ToList());
    }
}
