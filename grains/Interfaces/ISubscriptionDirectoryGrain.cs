using QmInsights.Domain.Delivery;

namespace QmInsights.Grains.Interfaces;

/// <summary>Every pack subscription (who receives which monthly pack by e-mail), kept durably like the roster. A single
/// grain: a centre has tens of subscribers. Key: "subscriptions".</summary>
[Alias("qm.ISubscriptionDirectoryGrain")]
public interface ISubscriptionDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the subscription; true when it is new.</summary>
    Task<bool> Put(PackSubscription subscription);

    /// <summary>Every subscription, by id.</summary>
    Task<List<PackSubscription>> All();

    /// <summary>Removes the subscription; the removed one, or null when there was none.</summary>
    Task<PackSubscription?> Remove(string id);
}
