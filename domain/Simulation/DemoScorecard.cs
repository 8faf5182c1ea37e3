using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Simulation;

/// <summary>The simulated centre's monitoring form. Version 2, half-way through the period, doubles the upsell
/// item's points: management pushes the sale harder.</summary>
public static class DemoScorecard
{
    public const string Id = "core-quality";

    public static ScorecardDefinition Version(int version) => new("Core quality", 90, [
        new ScorecardSection("opening", "Opening", 1.0, [
            Item("greet", "Greets and says what the contact will cover", "Sets the frame; the customer knows what to expect", 2),
            new ScorecardItem("verify-identity", "Verifies the customer's identity", "Legal requirement before account details are discussed", 1, false, true, NaPolicy.Exclude),
        ]),
        new ScorecardSection("needs", "Understanding the need", 1.5, [
            Item("explore-needs", "Maps the customer's whole situation", "Finds the real need behind the question", 2),
            Item("listen", "Lets the customer finish; interrupts politely when needed", "Customers who feel heard escalate less", 2),
            Item("empathy", "Acknowledges the customer's situation", "Ownership and warmth", 2),
        ]),
        new ScorecardSection("solution", "Solution", 2.0, [
            new ScorecardItem("correct-info", "Gives correct and complete information", "Wrong answers cause repeat contacts", 2, true, false, NaPolicy.Exclude),
            Item("summary", "Summarises the agreed next steps", "The customer leaves knowing what happens next", 2),
            Item("upsell", "Offers an additional product", "Revenue target of the sales programme", version >= 2 ? 2 : 1),
        ]),
        new ScorecardSection("closing", "Closing", 1.0, [
            Item("tone", "Keeps a friendly, professional tone", "Brand voice", 1),
            Item("anything-else", "Checks whether anything else is needed", "Avoids a second contact", 1),
            new ScorecardItem("documentation", "Documents the contact in the CRM", "Colleagues can pick up where this contact left off; not relevant still loses points", 1, false, false, NaPolicy.Fail),
        ]),
    ]);

    /// <summary>Item ids in form order.</summary>
    public static IReadOnlyList<string> ItemIds { get; } =
        Version(1).AllItems().Select(p => p.Item.Id).ToList();

    private static ScorecardItem Item(string id, string text, string why, double points) =>
        new(id, text, why, points, false, false, NaPolicy.Exclude);
}
