using System.Linq.Expressions;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Every draft as last committed, read once when the store opens, so a flow's step reads memory rather than
/// a LiteDB query, also to learn that there is no draft (most early steps look for one; a query for one id was about a
/// tenth of the bot's CPU in a signing flow). It holds the stored form only: values encrypted, owner hashed, as LiteDB's
/// own page cache does. Exact, because this process is the file's only writer (lock file) and every write of drafts goes
/// through <see cref="Save"/>, <see cref="Delete"/> or <see cref="DeleteMany"/>, which change memory only once the transaction
/// has committed, in commit order (until then a reader sees the committed draft, as a LiteDB reader would). Past
/// <see cref="Capacity"/> drafts, what is not in memory is read from the file.</summary>
internal sealed class DraftCache
{
    private readonly Dictionary<string, DraftDoc> _committed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _complete;
    private long _hits;

    /// <summary>At most this many drafts are kept (abandoned drafts wait for the purge); past it, memory no longer knows
    /// every draft, and a draft it does not hold is looked for in the file.</summary>
    public int Capacity { get; init; } = 50_000;

    /// <summary>Lookups answered from memory since start, found or not (tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>When the store opens: every draft in the file.</summary>
    public void Load(IEnumerable<DraftDoc> stored)
    {
        lock (_gate)
        {
            _committed.Clear();
            _complete = true;
            foreach (var doc in stored)
            {
                PutLocked(doc);
            }
        }
    }

    /// <summary>The draft with this id; <paramref name="known"/> is false when memory cannot tell (read the file).</summary>
    public DraftDoc? Find(string id, out bool known)
    {
        lock (_gate)
        {
            known = _committed.TryGetValue(id, out var doc) || _complete;
            if (known)
            {
                _hits++;
            }

            return doc;
        }
    }

    /// <summary>Inside a write transaction: upserts <paramref name="doc"/>; memory has it once the transaction commits.</summary>
    public bool Save(LiteDbContext db, DraftDoc doc)
    {
        db.AfterCommit(() => Put(doc));
        return db.Drafts.Upsert(doc);
    }

    /// <summary>Inside a write transaction: deletes one draft; memory drops it once the transaction commits.</summary>
    public bool Delete(LiteDbContext db, string id)
    {
        db.AfterCommit(() => Remove(id));
        return db.Drafts.Delete(id);
    }

    /// <summary>Inside a write transaction: deletes the drafts <paramref name="deleted"/> matches (an owner's, the expired
    /// ones) from the file, and from memory once the transaction commits (one predicate for both).</summary>
    public int DeleteMany(LiteDbContext db, Expression<Func<DraftDoc, bool>> deleted)
    {
        var match = deleted.Compile();
        db.AfterCommit(() => Remove(match));
        return db.Drafts.DeleteMany(deleted);
    }

    private void Put(DraftDoc doc)
    {
        lock (_gate)
        {
            PutLocked(doc);
        }
    }

    private void PutLocked(DraftDoc doc)
    {
        if (_committed.Count < Capacity || _committed.ContainsKey(doc.Id))
        {
            _committed[doc.Id] = doc;
        }
        else
        {
            _complete = false;
        }
    }

    private void Remove(string id)
    {
        lock (_gate)
        {
            _committed.Remove(id);
        }
    }

    private void Remove(Func<DraftDoc, bool> match)
    {
        lock (_gate)
        {
            foreach (var doc in _committed.Values.Where(match).ToList())
            {
                _committed.Remove(doc.Id);
            }
        }
    }
}
