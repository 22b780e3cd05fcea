using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Email-verification bookkeeping in LiteDB: code sends counted per person and per address (two unlinked
/// documents, each a keyed hash, purged once an hour old, at the next send at most a minute later), and signatures found or withdrawn by their verified address.</summary>
public sealed class LiteDbEmailVerificationStore(LiteDbContext db, LiteDbSignatureStore signatures) : IEmailVerificationStore
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public Task<bool> TryCountSendAsync(string identityKey, string address, DateTimeOffset now, int maxPerHour, FlowDraft? attempt = null,
        CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();

        var (person, mailbox) = db.Keys.EmailSendSubjects(identityKey, address);
        var since = (now - Window).UtcTicks;
        var draft = attempt is null ? null : LiteDbDraftStore.ToDoc(db, attempt);
        return db.WriteAsync(() =>
        {
            var ledger = db.SendLedger;
            ledger.PurgeIfDue(db, since, now.UtcTicks);
            if (ledger.Count(db, person, since) >= maxPerHour || ledger.Count(db, mailbox, since) >= maxPerHour)
            {
                return false;
            }

            ledger.Add(db, person, now.UtcTicks);
            ledger.Add(db, mailbox, now.UtcTicks);
            if (draft is not null)
            {
                db.DraftCache.Save(db, draft);
            }

            return true;
        });
    }

    public Task UncountSendAsync(string identityKey, string address, DateTimeOffset sentAt, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var (person, mailbox) = db.Keys.EmailSendSubjects(identityKey, address);
        var from = sentAt.UtcTicks - (sentAt.UtcTicks % TimeSpan.TicksPerMillisecond);
        return db.WriteAsync(() =>
        {
            db.SendLedger.Remove(db, person, from, from + TimeSpan.TicksPerMillisecond);
            db.SendLedger.Remove(db, mailbox, from, from + TimeSpan.TicksPerMillisecond);
            return true;
        });
    }

    public Task<SignatureRecord?> FindByEmailAsync(string campaignId, string address, CancellationToken ct = default)
    {
        var doc = signatures.FindByClaim(campaignId, db.Keys.HashEmail(address));
        return Task.FromResult(doc is null ? null : LiteDbSignatureStore.ToRecord(doc));
    }

    public Task<IReadOnlyList<SignatureRecord>> FindAllByEmailAsync(string address, CancellationToken ct = default)
    {
        // Every signature with a verified address has its claim (campaign, address): one lookup per campaign.
        var hash = db.Keys.HashEmail(address);
        IReadOnlyList<SignatureRecord> found = db.CampaignCounters.FindAll().Select(c => c.Id).ToList()
            .Select(campaign => signatures.FindByClaim(campaign, hash))
            .OfType<Documents.SignatureDoc>()
            .Select(LiteDbSignatureStore.ToRecord)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<bool> RemoveByEmailAsync(string campaignId, string address, CancellationToken ct = default)
    {
        var hash = db.Keys.HashEmail(address);
        return db.WriteAsync(() =>
        {
            if (signatures.FindByClaim(campaignId, hash) is not { } doc)
            {
                return false;
            }

            SignatureRemoval.Remove(db, doc);
            return true;
        });
    }
}
