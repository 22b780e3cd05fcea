using PetitionBot.Core.Interactions;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.Interactions;

/// <summary>More people opening a form in one workspace within a minute than Slack's tier for views.open (100).</summary>
public sealed class FormBurstTests
{
    [Fact]
    public async Task OpenForm_PastTheMinuteQuota_EveryoneAnsweredWithinSeconds()
    {
        // 110 signers run /sign together in one workspace; the fake enforces the published tiers. The first 100 forms
        // open; the other 10 are tried at once (waiting for the next minute would outlive their triggers), Slack says
        // "rate limited", and each of those signers is told to try again in a minute: nobody waits a minute for nothing.
        const int signers = 110;
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.RateLimits = FakeSlackRateLimits.Published);
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply
        {
            Text = "fill in", Form = new FormSpec("form:sign:abc", "Sign the petition", [new FormField("name", "Full name", 100)]),
        });
        await h.Slack.WaitForConnectionAsync();
        var users = Enumerable.Range(0, signers).Select(i => $"U0B{i:D4}").ToList();

        await Task.WhenAll(users.Select(u => h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, u, "/sign")));
        await FakeSlackServer.WaitUntilAsync(() => h.Slack.CallsTo("views.open").Count == signers, TimeSpan.FromSeconds(15));
        var opened = h.Slack.Views.Where(v => v.Kind == "open").Select(v => v.UserId).ToHashSet();
        var refused = users.Where(u => !opened.Contains(u)).ToList();
        await FakeSlackServer.WaitUntilAsync(() => refused.All(u => h.Slack.Messages.Any(m => m.UserId == u)), TimeSpan.FromSeconds(15));

        Assert.Equal(100, opened.Count);
        Assert.All(refused, u => Assert.Contains("Slack asked me to slow down. Please run /sign again in a minute.",
            h.Slack.Messages.First(m => m.UserId == u).Text, StringComparison.Ordinal));
    }
}
