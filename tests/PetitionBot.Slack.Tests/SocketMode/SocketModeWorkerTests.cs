using PetitionBot.Core.Interactions;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.SocketMode;

/// <summary>The Socket Mode workers run the work of acknowledged envelopes, Web API calls included, so how many there are
/// bounds how many of those calls wait on Slack's answer at once.</summary>
public sealed class SocketModeWorkerTests
{
    [Fact]
    public async Task Workers_FortyFormsWithSlowViewsOpen_EveryFormOpensBeforeItsTriggerExpires()
    {
        // Forty signers run /sign within a moment (an announcement went out) and Slack takes 400 ms to answer each
        // views.open: a trigger lives 3 s, so a form whose views.open waited for a worker held by ten others expires.
        const int signers = 40;
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply
        {
            Text = "fill in", Form = new FormSpec("form:sign:abc", "Sign the petition", [new FormField("name", "Full name", 100)]),
        });
        await h.Slack.WaitForConnectionAsync();
        h.Slack.SlowNext("views.open", TimeSpan.FromMilliseconds(400), signers);

        await Task.WhenAll(Enumerable.Range(0, signers).Select(i => h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, $"U0S{i:D4}", "/sign")));
        await FakeSlackServer.WaitUntilAsync(() => h.Slack.CallsTo("views.open").Count == signers, TimeSpan.FromSeconds(20));

        var expired = h.Slack.CallsTo("views.open").Count(c => c.Error is not null);
        Assert.Equal(0, expired);
        Assert.Equal(signers, h.Slack.Views.Count(v => v.Kind == "open"));
    }
}
