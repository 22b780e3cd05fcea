using LiteDB;
using Microsoft.Extensions.Options;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Owns the one <see cref="LiteDatabase"/> of this process and an exclusive lock file beside it, so a second
/// process (a CLI verb while the bot runs) is refused instead of silently corrupting the file. Writes are serialized
/// and run in a transaction; a writer waiting its turn waits asynchronously (<see cref="WriteAsync{T}"/>), so a burst
/// of interactions neither spins on the gate nor holds thread-pool threads while one transaction runs.</summary>
public sealed class LiteDbContext : IDisposable
{
    private readonly FileStream? _lockFile;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly AsyncLocal<bool> _inWrite = new();
    private readonly WriteQueue _writes;
    private readonly StoreFiles? _files;
    private readonly List<Action> _afterCommit = [];
    private bool _wipe;

    public LiteDbContext(IOptions<StorageOptions> options)
        : this(options.Value)
    {
    }

    public LiteDbContext(StorageOptions options)
    {
        _writes = new WriteQueue(_writeGate, InTransaction);
        var path = Path.GetFullPath(options.Path);
        StoreFiles.CreateFolder(Path.GetDirectoryName(path)!);
        _lockFile = StoreFiles.AcquireLock(path);
        try
        {
            Keys = SecretKeys.Load(options);
            _files = new StoreFiles(path);
            _files.PrepareOwnerOnly();
            var connection = new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
            };
            Database = new LiteDatabase(connection, CreateMapper());
            CreateCollections();
            PrivacyUpgrade.Run(this);
            DraftCache.Load(Drafts.FindAll());
        }
        catch
        {
            // A wrong password or a damaged file may fail after the database was opened: close it before the lock.
            Database?.Dispose();
            _lockFile.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database for tests that need no file.</summary>
    public LiteDbContext(Stream stream, SecretKeys keys)
    {
        _writes = new WriteQueue(_writeGate, InTransaction);
        Keys = keys;
        Database = new LiteDatabase(stream, CreateMapper());
        CreateCollections();
        PrivacyUpgrade.Run(this);
        DraftCache.Load(Drafts.FindAll());
    }

    public SecretKeys Keys { get; }

    internal LiteDatabase Database { get; }

    internal ILiteCollection<SignatureDoc> Signatures => Database.GetCollection<SignatureDoc>("signatures");

    internal ILiteCollection<CampaignCounterDoc> CampaignCounters => Database.GetCollection<CampaignCounterDoc>("campaign_counters");

    internal ILiteCollection<CounterDoc> Counters => Database.GetCollection<CounterDoc>("counters");

    internal ILiteCollection<AnnouncementDoc> Announcements => Database.GetCollection<AnnouncementDoc>("announcements");

    internal ILiteCollection<OutboxDoc> Outbox => Database.GetCollection<OutboxDoc>("outbox");

    internal ILiteCollection<ServerDoc> Servers => Database.GetCollection<ServerDoc>("servers");

    internal ILiteCollection<DraftDoc> Drafts => Database.GetCollection<DraftDoc>("drafts");

    internal ILiteCollection<AuditDoc> Audit => Database.GetCollection<AuditDoc>("audit");

    internal ILiteCollection<InstallationDoc> Installations => Database.GetCollection<InstallationDoc>("installations");

    internal ILiteCollection<EmailClaimDoc> EmailClaims => Database.GetCollection<EmailClaimDoc>("email_claims");

    internal ILiteCollection<EmailSendDoc> EmailSends => Database.GetCollection<EmailSendDoc>("email_sends");

    internal ILiteCollection<SeenIdDoc> SeenIds => Database.GetCollection<SeenIdDoc>("seen_ids");

    /// <summary>Aggregate documents as last written, read only under the write gate. This process is the file's only
    /// writer (lock file), so the copy stays exact; a rolled-back transaction clears it.</summary>
    internal Dictionary<string, object> AggregateCache { get; } = new(StringComparer.Ordinal);

    /// <summary>The last hour's code sends by subject, read only under the write gate.</summary>
    internal EmailSendLedger SendLedger { get; } = new();

    internal DeliveryOrder DeliveryOrder { get; } = new();

    /// <summary>Drafts as last committed; every write of <see cref="Drafts"/> goes through it.</summary>
    internal DraftCache DraftCache { get; } = new();

    /// <summary>Server settings as last read; every write of <see cref="Servers"/> must tell it.</summary>
    internal ServerSettingsCache ServerCache { get; } = new();

    private long _writeTransactions;

    /// <summary>Runs <paramref name="work"/> in a transaction: all of it is saved, or none. Writes asked for meanwhile may
    /// share that transaction, each in its turn (<see cref="WriteQueue"/>); the caller waits without holding a thread,
    /// and the work runs synchronously (LiteDB's API is synchronous).</summary>
    internal Task<T> WriteAsync<T>(Func<T> work)
    {
        ThrowIfNested();
        // No cancellation here: a write, once asked for, is done (as it always was), however long the queue.
        return _writes.Enqueue(work);
    }

    /// <summary>The synchronous form of <see cref="WriteAsync{T}"/>, for start-up (the store's upgrade, before anything
    /// else can write) and tests. It never waits: a write already running is a caller that should use
    /// <see cref="WriteAsync{T}"/>, and is told so.</summary>
    internal T Write<T>(Func<T> work)
    {
        ThrowIfNested();
        if (!_writeGate.Wait(TimeSpan.Zero))
        {
            throw new InvalidOperationException("Another LiteDB write is running; a write that may meet one must use WriteAsync.");
        }

        try
        {
            return InTransaction(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void ThrowIfNested()
    {
        // The gate is not re-entrant: a write started inside another would wait for itself.
        if (_inWrite.Value)
        {
            throw new InvalidOperationException("A LiteDB write was started inside another; do the work in the outer one.");
        }
    }

    private void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return 0;
    });

    private T InTransaction<T>(Func<T> work)
    {
        _inWrite.Value = true;
        Database.BeginTrans();
        try
        {
            var result = work();
            Database.Commit();
            RunAfterCommit();
            Interlocked.Increment(ref _writeTransactions);
            Core.Telemetry.BotMetrics.StoreWriteTransactions.Add(1, new KeyValuePair<string, object?>("store", "litedb"));
            _files?.KeepOwnerOnly();
            if (_wipe)
            {
                // Personal data was deleted: move the scrubbed pages into the data file now and empty the log, so
                // no file keeps the old bytes (also after kill -9).
                _wipe = false;
                Database.Checkpoint();
            }

            return result;
        }
        catch
        {
            _wipe = false;
            _afterCommit.Clear();
            Database.Rollback();
            AggregateCache.Clear();
            SendLedger.Forget();
            throw;
        }
        finally
        {
            _inWrite.Value = false;
        }
    }

    /// <summary>Inside a write transaction: <paramref name="action"/> runs once it commits (still under the write gate, so
    /// in commit order), and not at all if it rolls back.</summary>
    internal void AfterCommit(Action action) => _afterCommit.Add(action);

    private void RunAfterCommit()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }

        _afterCommit.Clear();
    }

    /// <summary>Write transactions committed since start (the benchmark and tests divide it by sign flows).</summary>
    public long WriteTransactions => Interlocked.Read(ref _writeTransactions);

    /// <summary>Inside <see cref="Write{T}"/>: personal data was deleted, so checkpoint once the transaction commits.</summary>
    internal void WipeAfterCommit() => _wipe = true;

    /// <summary>Checkpoints the write-ahead log into the data file (cheap; used by tests and benchmarks). LiteDB's own
    /// exclusive lock waits for any transaction in progress, so the write gate is not needed here.</summary>
    public void Checkpoint() => Database.Checkpoint();

    public void Dispose()
    {
        _writes.Close();
        Database.Dispose();
        _writeGate.Dispose();
        _lockFile?.Dispose();
    }

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = true };
        mapper.Entity<SignatureDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<CampaignCounterDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<CounterDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<AnnouncementDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<OutboxDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<ServerDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<DraftDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<AuditDoc>().Id(x => x.Id, autoId: true);
        mapper.Entity<InstallationDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<EmailClaimDoc>().Id(x => x.Id, autoId: false);
        mapper.Entity<EmailSendDoc>().Id(x => x.Id, autoId: true);
        mapper.Entity<SeenIdDoc>().Id(x => x.Id, autoId: false);
        return mapper;
    }

    /// <summary>Every collection of the store, created with its indexes before anything else can use the database.
    /// Reads run outside the write gate, and LiteDB 5 lists a new collection in the shared header page before the
    /// transaction creating it commits: a read of that collection on another thread then finds no collection page,
    /// fails an internal check ("page type must be collection page") and closes the database for the whole process.
    /// A collection that already exists is never added again, so reads are safe once this has run.</summary>
    private void CreateCollections()
    {
        EnsureIndexes();
        foreach (var name in CollectionNames)
        {
            if (!Database.CollectionExists(name))
            {
                // LiteDB has no "create collection": the first insert creates it, and the collection stays once emptied.
                var collection = Database.GetCollection(name);
                var placeholder = new BsonValue("create-" + name);
                collection.Insert(new BsonDocument { ["_id"] = placeholder });
                collection.Delete(placeholder);
            }
        }
    }

    /// <summary>Every collection this store reads or writes.</summary>
    internal static readonly string[] CollectionNames =
    [
        "signatures", "campaign_counters", "counters", "announcements", "outbox", "servers", "drafts", "audit",
        "installations", "email_claims", "email_sends", "seen_ids", "responses", "subscriptions", "store_upgrades",
    ];

    private void EnsureIndexes()
    {
        Signatures.EnsureIndex(x => x.Key, unique: true);
        Signatures.EnsureIndex(x => x.IdentityHash);
        Signatures.EnsureIndex(x => x.CampaignId);
        Counters.EnsureIndex(x => x.Group);
        Announcements.EnsureIndex(x => x.UniqueKey, unique: true);
        Outbox.EnsureIndex(x => x.State);
        Outbox.EnsureIndex(x => x.AnnouncementId);
        Drafts.EnsureIndex(x => x.OwnerHash);
        Drafts.EnsureIndex(x => x.ExpiresAtTicks);
        Audit.EnsureIndex(x => x.ActionKey);
        Audit.EnsureIndex(x => x.ActorHash);
        // Signatures by verified address are found through their claims (email_claims); the index once kept here is
        // dropped from older files (a random key per verified signature made every such insert slower).
        Signatures.DropIndex(nameof(SignatureDoc.EmailHash));
        // Code sends are counted from the in-memory ledger (read whole once): no query looks one up by subject.
        EmailSends.DropIndex(nameof(EmailSendDoc.Subject));
        EmailSends.EnsureIndex(x => x.AtTicks);
        SeenIds.EnsureIndex(x => x.ExpiresAtTicks);
        Database.GetCollection<ResponseDoc>("responses").EnsureIndex(x => x.CampaignId);
        var subscriptions = Database.GetCollection<SubscriptionDoc>("subscriptions");
        subscriptions.EnsureIndex(x => x.Key, unique: true);
        subscriptions.EnsureIndex(x => x.OwnerHash);
        subscriptions.EnsureIndex(x => x.CampaignId);
    }
}
