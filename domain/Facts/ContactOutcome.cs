namespace QmInsights.Domain.Facts;

/// <summary>What became of a contact: answered by an agent, or given up in the queue. Only handled contacts count
/// for agents and teams; every outcome counts in its queue's figures.</summary>
public enum ContactOutcome : byte
{
    /// <summary>An agent took the contact (the default).</summary>
    Handled = 0,
    /// <summary>The customer gave up before an agent answered.</summary>
    Abandoned = 1,
    /// <summary>Given up so soon that it says nothing about service (a misdial, a caller hanging up at the greeting);
    /// left out of offered volume and abandon rate.</summary>
    ShortAbandoned = 2,
}
