using System.Security.Cryptography;
using System.Text;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>A real LiteDB file in a fresh temp directory, with every store over it. Deleted on dispose.</summary>
public sealed class TempStore : StoreUnderTest, IDisposable
{
    public const string CampaignId = "sensitive-areas";

    private bool _disposed;
    private LiteDbContext? _reopened;
    private LiteDbResponseStore? _responses;
    private LiteDbSubscriptionStore? _subscriptions;

    public TempStore(string? password = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "pb-store-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Options = new StorageOptions { Path = Path.Combine(Directory, "petitionbot.db"), Password = password };
        Context = new LiteDbContext(Options);
        Signatures = new LiteDbSignatureStore(Context);
        Drafts = new LiteDbDraftStore(Context);
        Servers = new LiteDbServerStore(Context);
        Outbox = new LiteDbOutboxStore(Context);
        Audit = new LiteDbAuditLog(Context);
        Installations = new LiteDbInstallationStore(Context);
        Emails = new LiteDbEmailVerificationStore(Context, Signatures);
    }

    public string Directory { get; }

    public StorageOptions Options { get; }

    public LiteDbContext Context { get; }

    public override LiteDbSignatureStore Signatures { get; }

    public override LiteDbDraftStore Drafts { get; }

    public override LiteDbServerStore Servers { get; }

    public override LiteDbOutboxStore Outbox { get; }

    public override LiteDbAuditLog Audit { get; }

    public override LiteDbInstallationStore Installations { get; }

    public override LiteDbEmailVerificationStore Emails { get; }

    public override Core.Ports.IResponseStore Responses => _responses ??= new LiteDbResponseStore(Context);

    public override LiteDbSchoolMaintenance Schools => new(Context);
    public override Core.Ports.ISubscriptionStore Subscriptions => _subscriptions ??= new LiteDbSubscriptionStore(Context);

    public static DateTimeOffset T0 { get; } = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static NewSignature Signature(string userId, string? name = "Ana Lopez", string school = "UCSF School of Medicine",
        string stage = "MS2", DateTimeOffset? at = null, PlatformKind platform = PlatformKind.Discord, string serverId = "9000",
        Verification verification = Verification.SelfAttested, string schoolId = Core.Schools.School.OtherId) =>
        new(CampaignId, platform == PlatformKind.Slack ? $"slack:{serverId}:{userId}" : $"discord:{userId}",
            new SignerAnswers(platform, serverId, name, school, stage, "Medical student", verification, at ?? T0, schoolId));

    public override SecretKeys Keys => Context.Keys;

    public override Core.Ports.IHandledKeys NewHandledKeys(TimeProvider time) => new LiteDbHandledKeys(_reopened ?? Context, time);

    public override Task FlushAsync()
    {
        Context.Checkpoint();
        return Task.CompletedTask;
    }

    public override Task<byte[]> StoredBytesAsync() => Task.FromResult(CloseAndReadFiles());

    public override Task<IReadOnlyDictionary<string, string>> StoredValuesAsync()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Context.Database.GetCollectionNames())
        {
            values[name] = string.Join('\n', Context.Database.GetCollection(name).FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)));
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(values);
    }

    public override Task<IOutboxStore> RestartAsync()
    {
        Context.Dispose();
        _reopened = new LiteDbContext(Options);
        return Task.FromResult<IOutboxStore>(new LiteDbOutboxStore(_reopened));
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the database (checkpointing first) and returns every byte of the .db file and any -log file.</summary>
    public byte[] CloseAndReadFiles()
    {
        Context.Checkpoint();
        Context.Dispose();
        _disposed = true;
        var bytes = new List<byte>();
        foreach (var file in System.IO.Directory.GetFiles(Directory).Where(f => !f.EndsWith(".key", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            bytes.AddRange(File.ReadAllBytes(file));
        }

        return [.. bytes];
    }

    public static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 ||
        haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;

    public static SecretKeys RandomKeys() => new(RandomNumberGenerator.GetBytes(32));

    public void Dispose()
    {
        _reopened?.Dispose();
        if (!_disposed)
        {
            Context.Dispose();
            _disposed = true;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
