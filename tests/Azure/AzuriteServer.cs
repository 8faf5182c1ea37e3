using QmInsights.Silo.Bench;
using QmInsights.Storage.Azure;

namespace QmInsights.Tests.Azure;

/// <summary>A throw-away Azurite shared by the tests of a class (see <see cref="ThrowAwayAzurite"/>); each test takes
/// its own name prefix, so tests sharing the emulator do not see each other's tables and containers.</summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    private ThrowAwayAzurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("not started")).ConnectionString;

    /// <summary>A prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>An account view with a prefix of its own.</summary>
    public AzureStorageAccount NewAccount() => AzureStorageAccount.FromConnectionString(ConnectionString, NewPrefix());

    /// <summary>Configuration keys that put a silo on this emulator under <paramref name="prefix"/>, folding each shard's
    /// commits into its checkpoint every other commit (so the tests' few commits go through checkpoints too).</summary>
    public string[] Settings(string prefix) =>
        ["--Storage:Provider=Azure", $"--ConnectionStrings:AzureStorage={ConnectionString}", $"--Azure:Storage:Prefix={prefix}", "--Azure:Storage:CheckpointEvery=2"];

    public async ValueTask InitializeAsync() => _azurite = await ThrowAwayAzurite.Start();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
