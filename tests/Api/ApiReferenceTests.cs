using System.Text.Json;
using QmInsights.Silo.Commands;

namespace QmInsights.Tests.Api;

/// <summary>The API reference kept in the repository (docs/openapi.json, docs/api.md) against what the app serves, and
/// the README's links against the repository.</summary>
public sealed class ApiReferenceTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_committed_openapi_document_is_what_the_app_serves()
    {
        var served = OpenApiCommand.Normalized(await host.Http.GetStringAsync(OpenApiCommand.ServedPath));
        var committed = File.ReadAllText(Repository.File("docs", "openapi.json")).ReplaceLineEndings("\n");
        if (served == committed) return;
        var copy = Path.Combine(AppContext.BaseDirectory, "openapi.served.json");
        File.WriteAllText(copy, served);
        Assert.Fail($"docs/openapi.json differs from what the app serves ({copy}): regenerate it with `dotnet run --project silo -- openapi` (README, API reference)");
    }

    [Fact]
    public void The_api_reference_documents_every_served_endpoint()
    {
        using var openApi = JsonDocument.Parse(File.ReadAllText(Repository.File("docs", "openapi.json")));
        var reference = File.ReadAllText(Repository.File("docs", "api.md"));
        var missing = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Where(e => !e.Contains(" /dashboard", StringComparison.Ordinal)) // the Orleans dashboard's own resources
            .Where(e => !reference.Contains($"`{e}`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "docs/api.md does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_readme_links_only_to_files_inside_the_repository()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var targets = System.Text.RegularExpressions.Regex.Matches(readme, @"\]\(([^)#\s]+)(#[^)]*)?\)")
            .Select(m => m.Groups[1].Value)
            .Where(t => !t.StartsWith("http://", StringComparison.Ordinal) && !t.StartsWith("https://", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            var full = Path.GetFullPath(Path.Combine(Repository.Root, target));
            Assert.True(full.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && (File.Exists(full) || Directory.Exists(full)),
                $"README links to {target}, which is not a file of the repository");
        }
        Assert.DoesNotContain("../shared", readme);
    }
}

/// <summary>The repository the tests were built from (the folder with QmInsights.sln above the test binaries).</summary>
public static class Repository
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path inside the repository.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "QmInsights.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no QmInsights.sln above {AppContext.BaseDirectory}");
    }
}
