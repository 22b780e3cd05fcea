using System.Text.Json;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.Postgres;

/// <summary>Flow drafts: values encrypted with the key outside the database (the same <see cref="SecretKeys"/> as the
/// LiteDB store), owner stored as a keyed hash.</summary>
public sealed class PostgresDraftStore(PostgresDatabase db) : IDraftStore
{
    /// <summary>Saves a draft (insert or replace); its parameters are <see cref="UpsertParameters"/>.</summary>
    internal const string UpsertSql = """
        INSERT INTO drafts (id, flow, owner_hash, campaign_id, step, payload, expires_at_ticks)
        VALUES (@id, @flow, @owner, @c, @step, @payload, @exp)
        ON CONFLICT (id) DO UPDATE SET flow = EXCLUDED.flow, owner_hash = EXCLUDED.owner_hash, campaign_id = EXCLUDED.campaign_id,
            step = EXCLUDED.step, payload = EXCLUDED.payload, expires_at_ticks = EXCLUDED.expires_at_ticks
        """;

    public Task SaveAsync(FlowDraft draft, CancellationToken ct = default) => Sql.ExecAsync(db, UpsertSql, ct, UpsertParameters(db, draft));

    /// <summary>The parameters of <see cref="UpsertSql"/>: the values encrypted, the owner hashed.</summary>
    internal static (string Name, object? Value)[] UpsertParameters(PostgresDatabase db, FlowDraft draft) =>
    [
        ("id", draft.Id),
        ("flow", draft.Flow),
        ("owner", db.Keys.HashDraftOwner(draft.OwnerKey)),
        ("c", draft.CampaignId),
        ("step", draft.Step),
        ("payload", db.Keys.EncryptDraft(JsonSerializer.Serialize(draft.Values))),
        ("exp", draft.ExpiresAt.UtcTicks),
    ];

    public async Task<FlowDraft?> FindAsync(string id, string ownerKey, CancellationToken ct = default)
    {
        var rows = await Sql.QueryAsync(db, "SELECT flow, campaign_id, step, payload, expires_at_ticks FROM drafts WHERE id = @id AND owner_hash = @owner",
            r => (Flow: r.GetString(0), Campaign: r.GetString(1), Step: r.GetString(2), Payload: r.GetFieldValue<byte[]>(3), Expires: r.GetInt64(4)),
            ct, ("id", id), ("owner", db.Keys.HashDraftOwner(ownerKey)));
        if (rows.Count == 0)
        {
            return null;
        }

        var d = rows[0];
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(db.Keys.DecryptDraft(d.Payload)) ?? [];
        return new FlowDraft(id, d.Flow, ownerKey, d.Campaign, d.Step, values, new DateTimeOffset(d.Expires, TimeSpan.Zero));
    }

    public Task DeleteAsync(string id, CancellationToken ct = default) =>
        Sql.ExecAsync(db, "DELETE FROM drafts WHERE id = @id", ct, ("id", id));

    public Task<int> DeleteAllAsync(string ownerKey, CancellationToken ct = default) =>
        Sql.ExecAsync(db, "DELETE FROM drafts WHERE owner_hash = @owner", ct, ("owner", db.Keys.HashDraftOwner(ownerKey)));

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default) =>
        Sql.ExecAsync(db, "DELETE FROM drafts WHERE expires_at_ticks <= @now", ct, ("now", now.UtcTicks));

    public string MacToken(string ownerKey, string state) => db.Keys.MacFlowToken(ownerKey, state);
}
