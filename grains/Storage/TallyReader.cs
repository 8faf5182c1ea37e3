using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Periods;
using QmInsights.Storage;

namespace QmInsights.Grains.Storage;

/// <summary>Reads the tallies of the agent or team grains that rebuild on this silo, those that ask at about the same time
/// in one read of the fact store (<see cref="IFactStore.LoadTallies"/>): after a restart the first centre summary wakes
/// every team at once, and the first ingested chunk every agent it names; one pass over the facts serves them all. One
/// that asks while a read is under way waits for the next one, so every read a grain gets began after it asked: its view
/// holds every batch the grain had applied before (in an earlier activation, perhaps on another silo), and the batches
/// it includes are exactly those the grain must not apply again.</summary>
public sealed class TallyReader(Func<IReadOnlyCollection<string>, Task<Dictionary<string, StoredTallies>>> readTallies)
{
    /// <summary>Reads <paramref name="owner"/>s' tallies from the fact store on the centre's days.</summary>
    public TallyReader(IFactStore facts, TallyOwner owner, CentreCalendar calendar) : this(ids => facts.LoadTallies(owner, ids, calendar))
    {
    }

    private readonly Lock _gate = new();
    private List<(string Id, TaskCompletionSource<StoredTallies> Reply)> _waiting = [];
    private bool _reading;

    /// <summary>The agent's or team's tallies from a read that began after this call.</summary>
    public Task<StoredTallies> Read(string id)
    {
        var reply = new TaskCompletionSource<StoredTallies>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add((id, reply));
            if (!_reading)
            {
                _reading = true;
                _ = Task.Run(ReadWhileAsked);
            }
        }
        return reply.Task;
    }

    /// <summary>One read for everyone waiting, then one for those who asked meanwhile, until nobody waits.</summary>
    private async Task ReadWhileAsked()
    {
        while (true)
        {
            List<(string Id, TaskCompletionSource<StoredTallies> Reply)> round;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _reading = false;
                    return;
                }
                round = _waiting;
                _waiting = [];
            }
            try
            {
                var read = await readTallies(round.Select(w => w.Id).Distinct(StringComparer.Ordinal).ToList());
                foreach (var (id, reply) in round)
                {
                    var stored = read[id];
                    // Each grain gets tallies of its own to change (one asking twice in a round must not share them).
                    var own = new TallyMap<TallyBucket, QualityTally>();
                    own.Merge(stored.Tallies);
                    reply.SetResult(stored with { Tallies = own });
                }
            }
            catch (Exception e)
            {
                foreach (var (_, reply) in round) reply.TrySetException(e);
            }
        }
    }
}
