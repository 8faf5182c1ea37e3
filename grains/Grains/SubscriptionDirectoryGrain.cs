using QmInsights.Domain.Delivery;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class SubscriptionDirectoryGrain(
    [PersistentState("packSubscriptions", StorageNames.Definitions)] IPersistentState<SubscriptionDirectoryState> state)
    : Grain, ISubscriptionDirectoryGrain
{
    async Task<bool> ISubscriptionDirectoryGrain.Put(PackSubscription subscription)
    {
        var created = !state.State.Subscriptions.ContainsKey(subscription.Id);
        state.State.Subscriptions[subscription.Id] = subscription;
        await state.WriteStateAsync();
        return created;
    }

    Task<List<PackSubscription>> ISubscriptionDirectoryGrain.All() =>
        Task.FromResult(state.State.Subscriptions.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList());

    async Task<PackSubscription?> ISubscriptionDirectoryGrain.Remove(string id)
    {
        if (!state.State.Subscriptions.Remove(id, out var removed)) return null;
        await state.WriteStateAsync();
        return removed;
    }
}

[GenerateSerializer, Alias("qm.SubscriptionDirectoryState")]
public sealed class SubscriptionDirectoryState
{
    [Id(0)] public Dictionary<string, PackSubscription> Subscriptions { get; set; } = new();
}
