using Npgsql;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>A database written before the per-purpose keys is brought to them at start (migration 0007 and the token
/// re-encryption; issue 13, item 1).</summary>
public sealed class PostgresPrivacyUpgradeTests
{
    private static readonly ServerRef Guild = new(PlatformKind.Discord, "1");

    [Fact]
    public async Task Start_DatabaseFromBeforePerPurposeKeys_OldActorsDroppedOldDraftsGoneTokensReencrypted()
    {
        var store = await PostgresTempStore.CreateAsync();
        try
        {
            var keys = store.Keys;
            await ExecAsync(store.Database,
                "INSERT INTO audit (action, action_key, platform, workspace_id, actor_hash, detail, at_ticks) VALUES ('setup', 'setup|discord:1', 0, '1', @old, 'changed=channel', 1)",
                ("old", keys.Hash("discord:5")));
            await ExecAsync(store.Database,
                "INSERT INTO drafts (id, flow, owner_hash, campaign_id, step, payload, expires_at_ticks) VALUES ('d1', 'sign', @old, 'c', 'form', @p, 1)",
                ("old", keys.Hash("discord:5")), ("p", keys.Encrypt("{}")));
            await ExecAsync(store.Database,
                "INSERT INTO installations (id, platform, workspace_id, token_cipher, installed_at_ticks) VALUES ('slack:T1', 1, 'T1', @t, 1)",
                ("t", keys.Encrypt("xoxb-old")));
            await ExecAsync(store.Database, "DELETE FROM schema_migrations WHERE version = 7");

            await store.RestartAsync();
            await store.Database.EnsureReadyAsync();

            var entry = Assert.Single(await store.Audit.RecentAsync(10));
            Assert.Equal(("", "changed=channel"), (entry.ActorKey, entry.Detail));
            var stored = await store.StoredValuesAsync();
            Assert.DoesNotContain(keys.Hash("discord:5"), stored["audit"], StringComparison.Ordinal);
            Assert.Equal("", stored["drafts"]);
            Assert.Equal("xoxb-old", (await store.Installations.FindAsync(new ServerRef(PlatformKind.Slack, "T1")))!.AccessToken);
            await using (var cmd = store.Database.DataSource.CreateCommand("SELECT token_cipher FROM installations"))
            {
                Assert.Equal("xoxb-old", keys.DecryptToken((byte[])(await cmd.ExecuteScalarAsync())!, out var legacy));
                Assert.False(legacy);
            }

            // Idempotent: a second start keeps the actors written under the audit key.
            await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "after", TempStore.T0));
            await store.RestartAsync();
            Assert.Single(await store.Audit.FindByActorAsync("discord:5"));
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_CountedOnlyRowsFromBefore_DateOnlyAndNoServerIdNamedUntouched()
    {
        var store = await PostgresTempStore.CreateAsync();
        try
        {
            var at = new DateTimeOffset(2026, 3, 10, 13, 37, 12, TimeSpan.Zero);
            await store.Signatures.AddAsync(TempStore.Signature("1", name: null, serverId: "424242", at: at), MilestonePlan.None);
            await store.Signatures.AddAsync(TempStore.Signature("2", serverId: "515151", at: at), MilestonePlan.None);
            await ExecAsync(store.Database, "UPDATE signatures SET signed_at_ticks = @t, workspace_id = '424242' WHERE full_name IS NULL", ("t", at.UtcTicks));

            await store.RestartAsync();
            await store.Database.EnsureReadyAsync();

            Assert.Equal(at.Date, (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"))!.SignedAt.UtcDateTime);
            Assert.Equal(at, (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"))!.SignedAt);
            Assert.DoesNotContain("424242", (await store.StoredValuesAsync())["signatures"], StringComparison.Ordinal);
            Assert.Equal(1, await store.Signatures.InvalidateAsync(TempStore.CampaignId, new ServerRef(PlatformKind.Discord, "424242"), null, null));
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_CountedOnlyRowWithTimedId_NewDateOnlyIdNamedUntouched()
    {
        var store = await PostgresTempStore.CreateAsync();
        try
        {
            var at = new DateTimeOffset(2026, 3, 10, 13, 37, 12, 345, TimeSpan.Zero);
            await store.Signatures.AddAsync(TempStore.Signature("1", name: null, at: at), MilestonePlan.None);
            await store.Signatures.AddAsync(TempStore.Signature("2", at: at), MilestonePlan.None);
            var named = (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"))!.Id;
            // As an earlier version wrote it: a version 7 UUID made when the person signed.
            var timed = Guid.CreateVersion7(at).ToString("N");
            await ExecAsync(store.Database, "UPDATE signatures SET id = @id WHERE full_name IS NULL", ("id", timed));

            await store.RestartAsync();
            await store.Database.EnsureReadyAsync();

            var moved = (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"))!.Id;
            Assert.NotEqual(timed, moved);
            Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(moved.AsSpan(0, 12), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(named, (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"))!.Id);
            Assert.DoesNotContain(timed, (await store.StoredValuesAsync())["signatures"], StringComparison.Ordinal);
            Assert.Equal(2, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, at)).Total);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    private static async Task ExecAsync(PostgresDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        await cmd.ExecuteNonQueryAsync();
    }
}
