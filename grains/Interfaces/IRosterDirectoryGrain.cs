using QmInsights.Domain.Facts;

namespace QmInsights.Grains.Interfaces;

/// <summary>The whole roster in one place, so views over every agent (cadence, quotas) include agents who have not
/// been evaluated yet. A single grain: rosters are thousands of entries, not millions. Key: "roster".</summary>
[Alias("qm.IRosterDirectoryGrain")]
public interface IRosterDirectoryGrain : IGrainWithStringKey
{
    Task Register(AgentRosterEntry entry);

    Task<List<AgentRosterEntry>> All();

    /// <summary>The teams the roster names, each once, in ordinal order (the centre summary's teams without the whole roster).</summary>
    Task<List<string>> TeamIds();

    Task Remove(string agentId);
}
