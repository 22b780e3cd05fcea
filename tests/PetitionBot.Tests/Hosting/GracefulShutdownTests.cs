using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Discord;
using PetitionBot.Fakes.Slack;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Slack;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Hosting;

/// <summary>Issue 8: stopping the host (SIGTERM → StopAsync) while an interaction is inside the core: the person still
/// gets the answer before the process exits, and nothing new is taken once the stop began.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class GracefulShutdownTests
{
    private const string Ana = "600000000000000131";
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Stop_DiscordInteractionInsideCore_AnsweredBeforeStopCompletes()
    {
        await using var bot = await LiveDiscordBot.StartAsync(configure: GatedPetitionBot.Register);
        var gate = bot.Host.Services.GetRequiredService<GatedPetitionBot>();
        gate.Arm();
        var petition = FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, Ana, "petition");
        var id = await bot.Fake.SendInteractionAsync(petition);
        await gate.Entered.WaitAsync(DiscordFlow.Timeout);

        var stop = bot.Host.StopAsync();
        await bot.Fake.WaitForClientCloseAsync(timeout: DiscordFlow.Timeout); // the adapter's stop began: its gateway is closed
        gate.Release();
        await stop.WaitAsync(StopBound);

        var callback = Assert.Single(bot.Fake.CallbacksFor(id));
        Assert.Equal(204, callback.Status);
        // Answered inline (type 4) or, when the gate outlasted the 2 s defer point, deferred (type 5) and then edited.
        var answer = callback.Json!["type"]!.GetValue<int>() == 4
            ? Text(callback.Json["data"])
            : string.Concat(WebhookRequests(bot.Fake, petition).Where(r => r.Method == "PATCH" && r.Status == 200).Select(r => Text(r.Json)));
        Assert.Contains("Test petition", answer, StringComparison.Ordinal);
        Assert.Contains("so far", answer, StringComparison.Ordinal);
        Assert.Equal([1000], bot.Fake.ClientCloseCodes);
    }

    [Fact]
    public async Task Stop_SlackCommandInsideCore_AckedAndAnsweredAndLaterEnvelopeNotTaken()
    {
        const string user = "U0LATE";
        await using var h = await SlackHost.StartAsync(s => s.Team(SlackHost.TeamA).AddUser(user), configure: GatedPetitionBot.Register);
        await h.Slack.WaitForConnectionAsync();
        var gate = h.Host.Services.GetRequiredService<GatedPetitionBot>();
        var slack = h.Host.Services.GetServices<IAdapterStatusSource>().Single(s => s.Current.Name == "slack");
        gate.Arm();
        var ack = await h.Slack.SendSlashCommandAsync(SlackHost.TeamA, user, "/petition");
        await gate.Entered.WaitAsync(DiscordFlow.Timeout);

        var stop = h.Host.StopAsync();
        await FakeSlackServer.WaitUntilAsync(() => slack.Current.State == AdapterState.Stopped, DiscordFlow.Timeout); // the adapter's stop began
        h.Slack.AckTimeout = TimeSpan.FromMilliseconds(500);
        var lateId = Guid.NewGuid().ToString();
        var late = h.Slack.SendSlashCommandAsync(SlackHost.TeamA, user, "/petition", envelopeId: lateId);
        await FakeSlackServer.WaitUntilAsync(() => h.Logs.Entries.Any(e => e.Message.Contains("arrived while stopping", StringComparison.Ordinal)), DiscordFlow.Timeout);
        gate.Release();
        await stop.WaitAsync(StopBound);

        Assert.Contains(h.Slack.Acks, a => a.EnvelopeId == ack.EnvelopeId);
        var reply = Assert.Single(h.Slack.MessagesFor(SlackHost.TeamA, user));
        Assert.Contains("Test petition", reply.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Slack.Acks, a => a.EnvelopeId == lateId);
        await Assert.ThrowsAsync<TimeoutException>(() => late);
    }
}
