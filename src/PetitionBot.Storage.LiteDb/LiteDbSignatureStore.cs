using System.Runtime.CompilerServices;
using LiteDB;
using PetitionBot.Core.Model;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Signatures in LiteDB. One per (campaign, identity hash) under a unique index; aggregates and milestones
/// change in the same transaction as the signature.</summary>
public sealed class LiteDbSignatureStore(LiteDbContext db, IOutboxSignal? signal = null) : ISignatureStore
{
    public async Task<SignOutcome> AddAsync(NewSignature signature, MilestonePlan milestones, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var hash = db.Keys.Hash(signature.IdentityKey);
        var countedOnlyDate = CountedOnlyRows.DateOnly(signature.Answers.SignedAt.UtcTicks);
        var doc = new SignatureDoc
        {
            // Time-ordered ids keep the primary index append-mostly (random ids cost ~15% of ingest); a counted-only
            // row's id carries its date only, like the row.
            Id = signature.Answers.FullName is null ? CountedOnlyIds.New(countedOnlyDate) : ObjectId.NewObjectId().ToString(),
            Key = signature.CampaignId + "|" + hash,
            CampaignId = signature.CampaignId,
            IdentityHash = hash,
            Platform = (int)signature.Answers.Platform,
            // Counted-only: no server id and no time of day in the row (the hourly numbers live in the aggregates).
            WorkspaceId = signature.Answers.FullName is null ? db.Keys.HashCountedOnlyServer(new ServerRef(signature.Answers.Platform, signature.Answers.ServerId).Key) : signature.Answers.ServerId,
            FullName = signature.Answers.FullName,
            School = signature.Answers.School,
            SchoolKey = SchoolKeys.For(signature.Answers.SchoolId, signature.Answers.School),
            SchoolId = signature.Answers.SchoolId is { Length: > 0 } id ? id : School.OtherId,
            Stage = signature.Answers.Stage,
            Role = signature.Answers.Role,
            Verification = (int)signature.Answers.Verification,
            SignedAtTicks = signature.Answers.FullName is null ? countedOnlyDate : signature.Answers.SignedAt.UtcTicks,
            EmailHash = signature.EmailAddress is { } address ? db.Keys.HashEmail(address) : null,
            EmailDomain = signature.EmailAddress is { } addr ? addr[(addr.LastIndexOf('@') + 1)..] : null,
        };

        try
        {
            var outcome = await db.WriteAsync(() =>
            {
                // The unique index on Key is the check: a repeat fails here and the whole transaction rolls back.
                db.Signatures.Insert(doc);
                if (signature.DraftId is { } draftId)
                {
                    // The flow's draft goes with the signature, in the same transaction.
                    db.DraftCache.Delete(db, draftId);
                }

                if (doc.EmailHash is { } emailHash)
                {
                    // One signature per verified address and campaign, whichever account or platform signs with it.
                    db.EmailClaims.Insert(new EmailClaimDoc { Id = SignatureRemoval.ClaimId(doc.CampaignId, emailHash), SignatureId = doc.Id });
                }

                var (after, schoolAfter) = Aggregates.Apply(db, doc, +1, signature.Answers.SignedAt.UtcTicks);
                var made = MilestoneRecorder.Record(db, doc, after, schoolAfter, milestones, signature.Answers.SignedAt);
                return new SignOutcome(true, ToRecord(doc), after, made);
            }).ConfigureAwait(false);
            if (outcome.Announcements.Count > 0)
            {
                signal?.Raise();
            }

            return outcome;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Already signed (a repeat, or concurrent submissions by the same person, or the same address from another
            // account): nothing changed.
            var existing = db.Signatures.FindOne(x => x.Key == doc.Key) ?? FindByClaim(doc.CampaignId, doc.EmailHash);
            if (existing is null)
            {
                // The other signature was withdrawn in the meantime: nothing to report but the conflict itself.
                throw;
            }

            return new SignOutcome(false, ToRecord(existing), db.CampaignCounters.FindById(doc.CampaignId)?.Total ?? 0, []);
        }
    }

    /// <summary>The signature holding this campaign's claim on an address hash, or null.</summary>
    internal SignatureDoc? FindByClaim(string campaignId, string? emailHash) =>
        emailHash is not null && db.EmailClaims.FindById(SignatureRemoval.ClaimId(campaignId, emailHash)) is { } claim
            ? db.Signatures.FindById(claim.SignatureId)
            : null;

    public Task<SignatureRecord?> FindAsync(string campaignId, string identityKey, CancellationToken ct = default)
    {
        var key = campaignId + "|" + db.Keys.Hash(identityKey);
        var doc = db.Signatures.FindOne(x => x.Key == key);
        return Task.FromResult(doc is null ? null : ToRecord(doc));
    }

    public Task<IReadOnlyList<SignatureRecord>> FindAllAsync(string identityKey, CancellationToken ct = default)
    {
        var hash = db.Keys.Hash(identityKey);
        IReadOnlyList<SignatureRecord> found = db.Signatures.Find(x => x.IdentityHash == hash).Select(ToRecord).ToList();
        return Task.FromResult(found);
    }

    public Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default)
    {
        var key = campaignId + "|" + db.Keys.Hash(identityKey);
        return db.WriteAsync(() =>
        {
            var doc = db.Signatures.FindOne(x => x.Key == key);
            if (doc is null)
            {
                return false;
            }

            SignatureRemoval.Remove(db, doc);
            return true;
        });
    }

    public Task<int> InvalidateAsync(string campaignId, ServerRef? server, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        var fromTicks = from?.UtcTicks ?? long.MinValue;
        var toTicks = to?.UtcTicks ?? long.MaxValue;
        return db.WriteAsync(() =>
        {
            var hashed = server is null ? null : db.Keys.HashCountedOnlyServer(server.Key);
            var doomed = db.Signatures.Find(x => x.CampaignId == campaignId)
                .Where(x => server is null || (x.Platform == (int)server.Platform && x.WorkspaceId == (x.FullName is null ? hashed : server.ServerId)))
                .Where(x => x.FullName is null
                    ? CountedOnlyRows.DayOverlaps(x.SignedAtTicks, fromTicks, toTicks)
                    : x.SignedAtTicks >= fromTicks && x.SignedAtTicks < toTicks)
                .ToList();
            foreach (var doc in doomed)
            {
                SignatureRemoval.Remove(db, doc);
            }

            return doomed.Count;
        });
    }

    public Task<CampaignStats> GetStatsAsync(string campaignId, DateTimeOffset now, CancellationToken ct = default) =>
        Task.FromResult(Aggregates.Read(db, campaignId, now));

    public async IAsyncEnumerable<SignatureRecord> ListAsync(string campaignId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        foreach (var doc in db.Signatures.Query().Where(x => x.CampaignId == campaignId).OrderBy(x => x.SignedAtTicks).ToEnumerable())
        {
            ct.ThrowIfCancellationRequested();
            yield return ToRecord(doc);
        }
    }

    /// <summary>A counted-only row keeps no server id: its record says "".</summary>
    internal static SignatureRecord ToRecord(SignatureDoc d)
    {
        var answers = new SignerAnswers((PlatformKind)d.Platform, d.FullName is null ? "" : d.WorkspaceId, d.FullName, d.School, d.Stage, d.Role,
            (Verification)d.Verification, new DateTimeOffset(d.SignedAtTicks, TimeSpan.Zero), d.SchoolId is { Length: > 0 } schoolId ? schoolId : School.OtherId);
        return new SignatureRecord(d.Id, d.CampaignId, answers, d.EmailDomain);
    }
}
