using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class AuditLogContract : StoreContract
{
    private static readonly WorkspaceRef Guild = new(PlatformKind.Discord, "1");

    [Fact]
    public async Task CountSinceAsync_EntriesInAndOutOfWindow_CountsOnlyThisActionAndWorkspaceSince()
    {
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "x", TempStore.T0.AddHours(-25)));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "x", TempStore.T0.AddHours(-1)));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "x", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "x", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, new WorkspaceRef(PlatformKind.Discord, "2"), "discord:5", "x", TempStore.T0));

        Assert.Equal(2, await store.Audit.CountSinceAsync(AuditActions.Update, Guild, TempStore.T0.AddHours(-24)));
    }

    [Fact]
    public async Task RecentAsync_Entries_NewestFirstWithHashedActor()
    {
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Export, null, "discord:5", "first", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "second", TempStore.T0));

        var recent = await store.Audit.RecentAsync(10);

        Assert.Equal(["second", "first"], recent.Select(e => e.Detail));
        Assert.Equal(Guild, recent[0].Workspace);
        Assert.Null(recent[1].Workspace);
        Assert.All(recent, e => Assert.DoesNotContain("5", e.ActorKey.Replace(store.Keys.Hash("discord:5"), "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.All(recent, e => Assert.Equal(store.Keys.Hash("discord:5"), e.ActorKey));
    }
}
