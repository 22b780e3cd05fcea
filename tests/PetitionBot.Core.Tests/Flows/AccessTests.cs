using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class AccessTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Theory]
    [InlineData(CommandCatalog.Export)]
    [InlineData(CommandCatalog.Update)]
    [InlineData(CommandCatalog.Setup)]
    public async Task Command_Student_IsDenied(string command)
    {
        await bot.SaveServerAsync();
        await bot.SignAsync(BotHarness.Student("1002"));

        var reply = await bot.CommandAsync(student, command, (CommandCatalog.SchoolOption, "Hacked School"));

        Assert.StartsWith("Only ", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Form);
        Assert.Empty(reply.Attachments);
        Assert.Empty(reply.Choices);
        Assert.Empty(await bot.Audit.RecentAsync(10));
        Assert.Null((await bot.Servers.FindAsync(student.Server))!.School);
    }

    [Fact]
    public async Task UpdateScopeChoice_Student_IsDenied()
    {
        await bot.SaveServerAsync();

        var reply = await bot.Bot.HandleAsync(ChoiceInput.Button(student, null, $"upc:{BotHarness.CampaignId}:all"));

        Assert.StartsWith("Only ", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Form);
    }

    [Fact]
    public async Task UpdateForm_StudentForgesSubmission_NothingQueued()
    {
        await bot.SaveServerAsync();

        foreach (var scope in new[] { "here", "all" })
        {
            var reply = await bot.Bot.HandleAsync(new FormInput(student, null, $"upf:{BotHarness.CampaignId}:{scope}",
                new Dictionary<string, string> { ["message"] = "spam" }));
            Assert.StartsWith("Only ", reply.Text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await bot.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task UpdateForm_LeaderForgesAllScope_NothingQueued()
    {
        await bot.SaveServerAsync();
        await bot.SaveServerAsync(guild: "501");

        var reply = await bot.Bot.HandleAsync(new FormInput(BotHarness.Leader(), null, $"upf:{BotHarness.CampaignId}:all",
            new Dictionary<string, string> { ["message"] = "spam" }));

        Assert.Equal("Only organizers can use this command here.", reply.Text);
        Assert.Equal(0, await bot.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Export_Organizer_GetsFilesAndIsAudited()
    {
        await bot.SignAsync(student, name: "Ana Lopez");
        await bot.SignAsync(BotHarness.Student("1002"), named: false, name: "Hidden Person");

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Export);

        Assert.Equal(2, reply.Attachments.Count);
        var signers = System.Text.Encoding.UTF8.GetString(reply.Attachments[0].Content);
        Assert.Contains("Ana Lopez", signers, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Person", signers, StringComparison.Ordinal);
        Assert.Contains("1 named signers of 2", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Visibility.Private, reply.Visibility);
        var audit = Assert.Single(await bot.Audit.RecentAsync(10));
        Assert.Equal(AuditActions.Export, audit.Action);
        Assert.DoesNotContain("Ana", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OrganizerOnSlackWithSameUserId_IsDenied()
    {
        var impostor = new Model.Actor(Model.PlatformKind.Slack, "T1", BotHarness.OrganizerId, [], IsServerAdmin: true, $"slack:T1:{BotHarness.OrganizerId}");

        var reply = await bot.CommandAsync(impostor, CommandCatalog.Export);

        Assert.StartsWith("Only ", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments);
    }
}
