using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Copies of documents about to be deleted with their personal text replaced by filler of the same UTF-8
/// length, so an in-place update overwrites the old bytes before LiteDB frees the block. Indexed fields (hashes, ids)
/// are kept: changing them would move index nodes instead of overwriting them.</summary>
internal static class Scrub
{
    public static SignatureDoc Signature(SignatureDoc doc) => new()
    {
        Id = doc.Id,
        Key = doc.Key,
        CampaignId = doc.CampaignId,
        IdentityHash = doc.IdentityHash,
        Platform = doc.Platform,
        WorkspaceId = Fill(doc.WorkspaceId)!,
        FullName = Fill(doc.FullName),
        School = Fill(doc.School)!,
        SchoolKey = Fill(doc.SchoolKey)!,
        SchoolId = Fill(doc.SchoolId)!,
        Stage = Fill(doc.Stage)!,
        Role = Fill(doc.Role)!,
        Verification = doc.Verification,
        SignedAtTicks = 0,
        EmailHash = doc.EmailHash,
        EmailDomain = Fill(doc.EmailDomain),
    };

    public static CounterDoc Counter(CounterDoc doc) => new()
    {
        Id = doc.Id,
        Group = doc.Group,
        Key = Fill(doc.Key)!,
        Label = Fill(doc.Label)!,
        Count = 0,
        Hours = doc.Hours is null ? null : new int[doc.Hours.Length],
    };

    private static string? Fill(string? text) =>
        text is null ? null : new string('*', System.Text.Encoding.UTF8.GetByteCount(text));
}
