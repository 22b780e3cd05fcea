using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class MyDataFlowTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task MyData_Signed_ShowsWhatIsStored()
    {
        await bot.SignAsync(student, name: "Ana Lopez", school: "UCSF School of Medicine", stage: "MS3");

        var reply = await bot.CommandAsync(student, CommandCatalog.MyData);

        Assert.Contains("Ana Lopez", reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotHarness.Ucsf, reply.Text, StringComparison.Ordinal);
        Assert.Contains("MS3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("March 10, 2026", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Choices, c => c.Label == "Delete all my data");
    }

    [Fact]
    public async Task MyData_CountedOnly_SaysNoName()
    {
        await bot.SignAsync(student, named: false, name: "Hidden Person");

        var reply = await bot.CommandAsync(student, CommandCatalog.MyData);

        Assert.Contains("counted only", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Person", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_NothingStored_SaysSoWithoutDeleteChoice()
    {
        var reply = await bot.CommandAsync(student, CommandCatalog.MyData);

        Assert.Contains("no signature", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Choices);
    }

    [Fact]
    public async Task MyData_DeleteConfirmed_DeletesSignatureAndDrafts()
    {
        await bot.SignAsync(student);
        await bot.SignAsync(BotHarness.Student("1002"));
        await bot.CommandAsync(student, CommandCatalog.Sign);
        var show = await bot.CommandAsync(student, CommandCatalog.MyData);
        var confirm = await bot.PressAsync(student, show, "Delete all my data");

        var reply = await bot.PressAsync(student, confirm, "Yes, delete everything");

        Assert.Contains("Deleted 1 signature", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Signatures.FindAllAsync(student.IdentityKey));
        Assert.Equal(1, (await bot.StatsAsync()).Total);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
        Assert.Contains("no signature", (await bot.CommandAsync(student, CommandCatalog.MyData)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_DeleteThenKeep_DeletesNothing()
    {
        await bot.SignAsync(student);
        var show = await bot.CommandAsync(student, CommandCatalog.MyData);
        var confirm = await bot.PressAsync(student, show, "Delete all my data");

        await bot.PressAsync(student, confirm, "Keep it");

        Assert.Single(await bot.Signatures.FindAllAsync(student.IdentityKey));
    }

    [Fact]
    public async Task MyData_LeaderWithAuditEntries_ListsOnlyTheirActionsWithTimeAndServer()
    {
        var leader = BotHarness.Leader();
        await bot.SignAsync(leader, named: false);
        await bot.Audit.AppendAsync(new Storage.AuditEntry(Storage.AuditActions.Setup, leader.Server, leader.IdentityKey, "changed=channel", new DateTimeOffset(2026, 3, 9, 14, 5, 0, TimeSpan.Zero)));
        await bot.Audit.AppendAsync(new Storage.AuditEntry(Storage.AuditActions.Export, null, "discord:other", "someone else", new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero)));

        var reply = await bot.CommandAsync(leader, CommandCatalog.MyData);

        Assert.Contains("• setup, March 9, 2026 14:05 UTC, Discord server " + leader.ServerId, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("export", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("changed=channel", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_DeleteConfirmed_RemovesTheirAuditActorEntriesStay()
    {
        var leader = BotHarness.Leader();
        await bot.SignAsync(leader, named: false);
        await bot.Audit.AppendAsync(new Storage.AuditEntry(Storage.AuditActions.Update, leader.Server, leader.IdentityKey, "update", new DateTimeOffset(2026, 3, 9, 14, 5, 0, TimeSpan.Zero)));
        await bot.Audit.AppendAsync(new Storage.AuditEntry(Storage.AuditActions.Export, null, "discord:other", "someone else", new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero)));
        var show = await bot.CommandAsync(leader, CommandCatalog.MyData);
        var confirm = await bot.PressAsync(leader, show, "Delete all my data");

        var reply = await bot.PressAsync(leader, confirm, "Yes, delete everything");

        Assert.Contains("removed from 1 audit log entry", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Audit.FindByActorAsync(leader.IdentityKey));
        Assert.Single(await bot.Audit.FindByActorAsync("discord:other"));
        Assert.Equal(2, (await bot.Audit.RecentAsync(10)).Count);
        Assert.DoesNotContain("setup", (await bot.CommandAsync(leader, CommandCatalog.MyData)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_AuditEntriesButNoSignature_OffersDelete()
    {
        var admin = BotHarness.Admin();
        await bot.Audit.AppendAsync(new Storage.AuditEntry(Storage.AuditActions.Setup, admin.Server, admin.IdentityKey, "changed=channel", new DateTimeOffset(2026, 3, 9, 14, 5, 0, TimeSpan.Zero)));

        var reply = await bot.CommandAsync(admin, CommandCatalog.MyData);

        Assert.Contains(reply.Choices, c => c.Label == "Delete all my data");
    }
}
