using Npgsql;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>A database written before the per-purpose keys is brought to them at start (migration 0007 and the token
/// re-encryption; issue 13, item 1).</summary>
public sealed class PostgresPrivacyUpgradeTests
{
    private static readonly WorkspaceRef Guild = new(PlatformKind.Discord, "1");

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
            Assert.Equal("xoxb-old", (await store.Installations.FindAsync(new WorkspaceRef(PlatformKind.Slack, "T1")))!.AccessToken);
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
