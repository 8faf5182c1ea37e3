namespace QmInsights.Storage.Postgres;

/// <summary>Group commit: shard commits that arrive while a transaction is being written wait and are written together
/// in the next one, so the sixteen shard commits of a chunk cost about two transactions rather than sixteen. Each
/// caller still returns only once its own facts are committed. When a group's transaction fails, its commits are
/// written again one by one, so a commit that cannot be stored fails alone and the others are not held back.</summary>
/// <param name="write">Writes the commits in one transaction and answers each one's batch id, in order.</param>
public sealed class GroupCommit(Func<IReadOnlyList<(int Shard, ShardCommit Commit)>, Task<IReadOnlyList<long>>> write)
{
    private readonly Lock _gate = new();
    private List<Waiting> _queue = new();
    private bool _writing;

    /// <summary>Queues one shard's commit; completes with its batch id once it is durable.</summary>
    public Task<long> Commit(int shard, ShardCommit commit)
    {
        var waiting = new Waiting(shard, commit, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_gate)
        {
            _queue.Add(waiting);
            lead = !_writing;
            _writing = true;
        }
        // The first caller to find no writer becomes it and keeps writing groups until the queue is empty.
        if (lead) _ = Task.Run(Drain);
        return waiting.Done.Task;
    }

    private async Task Drain()
    {
        while (true)
        {
            List<Waiting> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
                group = _queue;
                _queue = new List<Waiting>();
            }
            await Write(group);
        }
    }

    private async Task Write(List<Waiting> group)
    {
        try
        {
            var ids = await write(group.Select(w => (w.Shard, w.Commit)).ToList());
            for (var i = 0; i < group.Count; i++) group[i].Done.SetResult(ids[i]);
        }
        catch (Exception) when (group.Count > 1)
        {
            // The group's error belongs to whichever commit caused it: each one alone finds out.
            foreach (var one in group) await Write([one]);
        }
        catch (Exception e)
        {
            group[0].Done.SetException(e);
        }
    }

    private sealed record Waiting(int Shard, ShardCommit Commit, TaskCompletionSource<long> Done);
}
