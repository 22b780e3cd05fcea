using System.Text.Json;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Flow drafts: values encrypted with the key outside the file, owner stored as a keyed hash.</summary>
public sealed class LiteDbDraftStore(LiteDbContext db) : IDraftStore
{
    public Task SaveAsync(FlowDraft draft, CancellationToken ct = default)
    {
        var doc = ToDoc(db, draft);
        return db.WriteAsync(() => db.DraftCache.Save(db, doc));
    }

    /// <summary>The stored form of a draft: values encrypted, owner hashed (built outside the write gate).</summary>
    internal static DraftDoc ToDoc(LiteDbContext db, FlowDraft draft) =>
        new()
        {
            Id = draft.Id,
            Flow = draft.Flow,
            OwnerHash = db.Keys.HashDraftOwner(draft.OwnerKey),
            CampaignId = draft.CampaignId,
            Step = draft.Step,
            Payload = db.Keys.EncryptDraft(JsonSerializer.Serialize(draft.Values)),
            ExpiresAtTicks = draft.ExpiresAt.UtcTicks,
        };

    public Task<FlowDraft?> FindAsync(string id, string ownerKey, CancellationToken ct = default)
    {
        var doc = db.DraftCache.Find(id, out var known) ?? (known ? null : db.Drafts.FindById(id));
        if (doc is null || doc.OwnerHash != db.Keys.HashDraftOwner(ownerKey))
        {
            return Task.FromResult<FlowDraft?>(null);
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(db.Keys.DecryptDraft(doc.Payload)) ?? [];
        return Task.FromResult<FlowDraft?>(new FlowDraft(doc.Id, doc.Flow, ownerKey, doc.CampaignId, doc.Step, values,
            new DateTimeOffset(doc.ExpiresAtTicks, TimeSpan.Zero)));
    }

    public Task DeleteAsync(string id, CancellationToken ct = default)
    {
        return db.WriteAsync(() => db.DraftCache.Delete(db, id));
    }

    public Task<int> DeleteAllAsync(string ownerKey, CancellationToken ct = default)
    {
        var hash = db.Keys.HashDraftOwner(ownerKey);
        return db.WriteAsync(() => db.DraftCache.DeleteMany(db, d => d.OwnerHash == hash));
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var ticks = now.UtcTicks;
        return db.WriteAsync(() => db.DraftCache.DeleteMany(db, d => d.ExpiresAtTicks <= ticks));
    }

    public string MacToken(string ownerKey, string state) => db.Keys.MacFlowToken(ownerKey, state);
}
