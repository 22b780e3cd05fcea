using LiteDB;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Brings a file written by an earlier version to the per-purpose keys when it is opened (issue 13, item 1):
/// audit actors hashed with the identity key lose their actor (the raw ids are not stored, so they cannot be re-keyed;
/// the entries stay), drafts whose owner was hashed with the identity key are dropped (they live 15 minutes), and
/// workspace tokens under the shared payload key are re-encrypted under the tokens' own key. Runs once per file (a
/// marker in <c>store_upgrades</c>); the token step is idempotent on its own.</summary>
internal static class PrivacyUpgrade
{
    public const string PerPurposeKeys = "per-purpose-keys";

    public static void Run(LiteDbContext db)
    {
        DropCountedOnlyTimesAndServers(db);
        DropLinkedMailboxSends(db);
        var upgrades = db.Database.GetCollection("store_upgrades");
        if (upgrades.FindById(PerPurposeKeys) is not null)
        {
            return;
        }

        db.Write(() =>
        {
            foreach (var doc in db.Audit.Find(a => a.ActorHash != null).ToList())
            {
                doc.ActorHash = null;
                db.Audit.Update(doc);
            }

            db.DraftCache.DeleteMany(db, _ => true);
            foreach (var doc in db.Installations.FindAll().ToList())
            {
                var token = db.Keys.DecryptToken(doc.TokenCipher, out var legacy);
                if (legacy)
                {
                    doc.TokenCipher = db.Keys.EncryptToken(token);
                    db.Installations.Update(doc);
                }
            }

            upgrades.Insert(new BsonDocument { ["_id"] = PerPurposeKeys });
            return 0;
        });
    }

    /// <summary>Code sends an earlier version counted under the address's own email hash (the value a verified
    /// signature keeps, so a send's time dated that signature) are deleted: those addresses' sends of the last hour are
    /// forgotten, their people's are still counted. Idempotent.</summary>
    private static void DropLinkedMailboxSends(LiteDbContext db)
    {
        if (!db.EmailSends.Exists(s => s.Subject.StartsWith(SecretKeys.LinkedMailboxPrefix)))
        {
            return;
        }

        db.Write(() =>
        {
            db.EmailSends.DeleteMany(s => s.Subject.StartsWith(SecretKeys.LinkedMailboxPrefix));
            db.SendLedger.Forget();
            db.WipeAfterCommit();
            return 0;
        });
    }

    /// <summary>Counted-only rows written before keep only their UTC date, a keyed hash instead of their server id, and
    /// an id that carries the date only (<see cref="CountedOnlyIds"/>; issue 13, item 11). Idempotent: rows already in
    /// that form are left alone, so it runs on every open.</summary>
    private static void DropCountedOnlyTimesAndServers(LiteDbContext db)
    {
        var stale = db.Signatures.Find(s => s.FullName == null).Where(s =>
            s.SignedAtTicks % TimeSpan.TicksPerDay != 0
            || !s.WorkspaceId.StartsWith(SecretKeys.CountedOnlyServerPrefix, StringComparison.Ordinal)
            || !CountedOnlyIds.SaysOnlyTheDate(s.Id, CountedOnlyRows.DateOnly(s.SignedAtTicks))).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        db.Write(() =>
        {
            foreach (var doc in stale)
            {
                doc.SignedAtTicks = CountedOnlyRows.DateOnly(doc.SignedAtTicks);
                if (!doc.WorkspaceId.StartsWith(SecretKeys.CountedOnlyServerPrefix, StringComparison.Ordinal))
                {
                    doc.WorkspaceId = db.Keys.HashCountedOnlyServer(new Core.Model.ServerRef((Core.Model.PlatformKind)doc.Platform, doc.WorkspaceId).Key);
                }

                if (CountedOnlyIds.SaysOnlyTheDate(doc.Id, doc.SignedAtTicks))
                {
                    db.Signatures.Update(doc);
                    continue;
                }

                // An id is the primary key: the row moves to a new one, and its address claim follows it.
                db.Signatures.Update(Scrub.Signature(doc));
                db.Signatures.Delete(doc.Id);
                doc.Id = CountedOnlyIds.New(doc.SignedAtTicks);
                db.Signatures.Insert(doc);
                if (doc.EmailHash is { } emailHash && db.EmailClaims.FindById(SignatureRemoval.ClaimId(doc.CampaignId, emailHash)) is { } claim)
                {
                    claim.SignatureId = doc.Id;
                    db.EmailClaims.Update(claim);
                }

                db.WipeAfterCommit();
            }

            return 0;
        });
    }
}
