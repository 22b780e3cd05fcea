using PetitionBot.Hosting;

namespace PetitionBot.Benchmarks.Support;

/// <summary>A host over a fresh database in a temporary folder.</summary>
internal sealed class BenchHost : IDisposable
{
    private BenchHost(string directory, IHost host)
    {
        Directory = directory;
        Host = host;
    }

    public string Directory { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public string DatabasePath => Path.Combine(Directory, "bench.db");

    public static BenchHost Create(HostMode mode = HostMode.Cli, IDictionary<string, string?>? extra = null, string? directory = null)
    {
        var dir = directory ?? Path.Combine(Path.GetTempPath(), "petitionbot-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var settings = Settings(dir);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BenchHost(dir, PetitionHost.Build(new PetitionHostOptions(mode, []) { Overrides = settings }));
    }

    public static Dictionary<string, string?> Settings(string dir) => new()
    {
        ["Storage:Path"] = Path.Combine(dir, "bench.db"),
        ["Campaigns:0:Id"] = "bench",
        ["Campaigns:0:Title"] = "Benchmark petition",
        ["Campaigns:0:Summary"] = "A petition used by the benchmark.",
        ["Campaigns:0:ExternalUrl"] = "https://example.org/public",
        ["Campaigns:0:EligibleRoles:0"] = "Medical student",
        ["Campaigns:0:Goal"] = "1000000",
        ["Campaigns:0:Milestones:0"] = "100",
        ["Campaigns:0:Milestones:1"] = "1000",
        ["Abuse:InteractionsPerMinute"] = "1000000",
        ["Http:Urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public void Dispose()
    {
        Host.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
