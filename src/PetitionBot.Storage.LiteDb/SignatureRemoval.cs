using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Deletes one signature inside the caller's transaction: the document, its address claim, and its share of
/// every aggregate. The one way a signature leaves the store (/unsign, /mydata delete, invalidation, proof by address).</summary>
internal static class SignatureRemoval
{
    public static void Remove(LiteDbContext db, SignatureDoc doc)
    {
        // Overwrite the document's text in place before deleting it: LiteDB frees the block without clearing it. The
        // write-ahead log still holds the old page until the checkpoint that follows this transaction.
        db.Signatures.Update(Scrub.Signature(doc));
        db.Signatures.Delete(doc.Id);
        db.WipeAfterCommit();
        if (doc.EmailHash is { } emailHash)
        {
            db.EmailClaims.Delete(ClaimId(doc.CampaignId, emailHash));
        }

        Aggregates.Apply(db, doc, -1);
    }

    public static string ClaimId(string campaignId, string emailHash) => campaignId + "|" + emailHash;
}
