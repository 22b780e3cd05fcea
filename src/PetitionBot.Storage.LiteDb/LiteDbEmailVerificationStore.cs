using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Email-verification bookkeeping in LiteDB: send counters per hashed identity and per hashed address over a
/// sliding hour (older entries are purged on each count), and signatures found by the keyed hash of their address.</summary>
public sealed class LiteDbEmailVerificationStore(LiteDbContext db) : IEmailVerificationStore
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public Task<bool> TryCountSendAsync(string identityKey, string address, DateTimeOffset now, int maxPerHour, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var identity = EmailAddresses.IdentityHash(db.Keys, identityKey);
        var addressHash = EmailAddresses.Hash(db.Keys, address);
        var since = (now - Window).UtcTicks;
        return Task.FromResult(db.Write(() =>
        {
            db.EmailSends.DeleteMany(x => x.SentAtTicks <= since);
            var byIdentity = db.EmailSends.Count(x => x.IdentityHash == identity);
            var byAddress = db.EmailSends.Count(x => x.AddressHash == addressHash);
            if (byIdentity >= maxPerHour || byAddress >= maxPerHour)
            {
                return false;
            }

            db.EmailSends.Insert(new EmailSendDoc { IdentityHash = identity, AddressHash = addressHash, SentAtTicks = now.UtcTicks });
            return true;
        }));
    }

    public Task<SignatureRecord?> FindByEmailAsync(string campaignId, string address, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var key = EmailAddresses.Key(campaignId, EmailAddresses.Hash(db.Keys, address));
        var doc = db.Signatures.FindOne(x => x.EmailKey == key);
        return Task.FromResult(doc is null ? null : LiteDbSignatureStore.ToRecord(doc));
    }

    public Task<IReadOnlyList<SignatureRecord>> FindAllByEmailAsync(string address, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var hash = EmailAddresses.Hash(db.Keys, address);
        IReadOnlyList<SignatureRecord> found = db.Signatures.Find(x => x.EmailHash == hash).Select(LiteDbSignatureStore.ToRecord).ToList();
        return Task.FromResult(found);
    }

    public Task<bool> RemoveByEmailAsync(string campaignId, string address, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var key = EmailAddresses.Key(campaignId, EmailAddresses.Hash(db.Keys, address));
        return Task.FromResult(db.Write(() =>
        {
            var doc = db.Signatures.FindOne(x => x.EmailKey == key);
            if (doc is null)
            {
                return false;
            }

            db.Signatures.Delete(doc.Id);
            Aggregates.Apply(db, doc, -1);
            return true;
        }));
    }
}
