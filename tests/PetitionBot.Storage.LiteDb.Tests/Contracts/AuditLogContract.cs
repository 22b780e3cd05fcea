using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class AuditLogContract : StoreContract
{
    private static readonly ServerRef Guild = new(PlatformKind.Discord, "1");

    [Fact]
    public async Task CountSinceAsync_EntriesInAndOutOfWindow_CountsOnlyThisActionAndWorkspaceSince()
    {
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "x", TempStore.T0.AddHours(-25)));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "x", TempStore.T0.AddHours(-1)));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "x", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "x", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, new ServerRef(PlatformKind.Discord, "2"), "discord:5", "x", TempStore.T0));

        Assert.Equal(2, await store.Audit.CountSinceAsync(AuditActions.Update, Guild, TempStore.T0.AddHours(-24)));
    }

    [Fact]
    public async Task RecentAsync_Entries_NewestFirstWithHashedActor()
    {
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Export, null, "discord:5", "first", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "second", TempStore.T0));

        var recent = await store.Audit.RecentAsync(10);

        Assert.Equal(["second", "first"], recent.Select(e => e.Detail));
        Assert.Equal(Guild, recent[0].Server);
        Assert.Null(recent[1].Server);
        Assert.All(recent, e => Assert.DoesNotContain("5", e.ActorKey.Replace(store.Keys.HashAuditActor("discord:5"), "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.All(recent, e => Assert.Equal(store.Keys.HashAuditActor("discord:5"), e.ActorKey));
    }

    [Fact]
    public async Task AppendAsync_SignerAlsoDoesSetupAndUpdate_AuditActorMatchesNoValueOfAnotherCollection()
    {
        // A chapter leader signs counted-only, has a draft open, verified a school email, then runs /setup and /update.
        await store.Signatures.AddAsync(TempStore.Signature("5", name: null) with { EmailAddress = "ana@ucsf.edu" }, MilestonePlan.None);
        await store.Drafts.SaveAsync(new FlowDraft("d1", "sign", "discord:5", TempStore.CampaignId, "form",
            new Dictionary<string, string> { ["school"] = "UCSF" }, TempStore.T0.AddMinutes(15)));
        await store.Installations.SaveAsync(new Core.Ports.Installation(new ServerRef(PlatformKind.Slack, "T1"), "xoxb-secret", "B1", "W", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "changed=channel", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "update", TempStore.T0.AddHours(1)));

        var actor = (await store.Audit.RecentAsync(1))[0].ActorKey;
        var stored = await store.StoredValuesAsync();

        Assert.Contains(store.Keys.Hash("discord:5"), stored["signatures"], StringComparison.Ordinal);
        Assert.Contains(actor, stored["audit"], StringComparison.Ordinal);
        var others = stored.Where(c => c.Key != "audit").ToList();
        Assert.All(others, c => Assert.DoesNotContain(actor, c.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(store.Keys.Hash("discord:5"), stored["audit"], StringComparison.Ordinal);
        Assert.DoesNotContain(store.Keys.Hash("discord:5"), stored["drafts"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindByActorAsync_TwoPeople_OnlyThatPersonsEntriesOldestFirst()
    {
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "a", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:6", "b", TempStore.T0.AddHours(1)));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, null, "discord:5", "c", TempStore.T0.AddHours(2)));

        var mine = await store.Audit.FindByActorAsync("discord:5");

        Assert.Equal(["a", "c"], mine.Select(e => e.Detail));
        Assert.Equal([Guild, null], mine.Select(e => e.Server));
        Assert.Empty(await store.Audit.FindByActorAsync("discord:7"));
    }

    [Fact]
    public async Task ForgetActorAsync_Person_EntriesStayWithoutTheirActorOthersUntouched()
    {
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Setup, Guild, "discord:5", "a", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:6", "b", TempStore.T0));
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Update, Guild, "discord:5", "c", TempStore.T0));
        var hash = store.Keys.HashAuditActor("discord:5");

        Assert.Equal(2, await store.Audit.ForgetActorAsync("discord:5"));

        Assert.Empty(await store.Audit.FindByActorAsync("discord:5"));
        Assert.Single(await store.Audit.FindByActorAsync("discord:6"));
        Assert.Equal(3, (await store.Audit.RecentAsync(10)).Count);
        Assert.Equal(2, await store.Audit.CountSinceAsync(AuditActions.Update, Guild, TempStore.T0));
        Assert.DoesNotContain(hash, (await store.StoredValuesAsync())["audit"], StringComparison.Ordinal);
    }
}
