using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Tests.Slack;

/// <summary>The real host against the fake Slack (Socket Mode + Web API + response_url + upload URLs on 127.0.0.1).</summary>
public sealed class SlackHostTests
{
    private const string TeamA = SlackHost.TeamA;
    private const string TeamB = SlackHost.TeamB;

    [Fact]
    public async Task Sign_NamedAndCountedOnly_StoredWithAndWithoutName()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0ANA").AddUser("U0BEN"));
        await h.Slack.WaitForConnectionAsync();

        var (named, _) = await h.SignAsync(TeamA, "U0ANA", "Ana Lopez", named: true);
        var (counted, _) = await h.SignAsync(TeamA, "U0BEN", "Ben Counted", named: false);

        Assert.Contains("you are the first to sign", named.Text, StringComparison.Ordinal);
        Assert.Contains("you are one of 2", counted.Text, StringComparison.Ordinal);
        var ana = await h.Signatures.FindAsync(SlackHost.Campaign, $"slack:{TeamA}:U0ANA");
        var ben = await h.Signatures.FindAsync(SlackHost.Campaign, $"slack:{TeamA}:U0BEN");
        Assert.NotNull(ana);
        Assert.Equal("Ana Lopez", ana.FullName);
        Assert.Equal("MS2", ana.Stage);
        Assert.NotNull(ben);
        Assert.Null(ben.FullName);
        Assert.Equal(h.Host.Services.GetRequiredService<Core.Ports.ISchoolDirectory>().Resolve("UC Davis School of Medicine").School!.Name, ben.School);
        var stats = await h.Signatures.GetStatsAsync(SlackHost.Campaign, DateTimeOffset.UtcNow);
        Assert.Equal(2, stats.Total);
        Assert.Equal(1, stats.Named);
        Assert.Contains(stats.ByPlatform, c => c.Count == 2);
    }

    [Fact]
    public async Task Sign_NoneOfThese_ExternalLinkAndNothingStored()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0NURSE"));
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(TeamA, "U0NURSE", "/sign");
        var prompt = await h.NextMessageAsync(TeamA, "U0NURSE", 0, m => SlackHost.ButtonToken(m, "none") is not null);
        var skip = h.Slack.MessagesFor(TeamA, "U0NURSE").Count;
        await h.Slack.SendBlockActionAsync(TeamA, "U0NURSE", SlackHost.ButtonToken(prompt, "none")!);
        var reply = await h.NextMessageAsync(TeamA, "U0NURSE", skip, _ => true);

        Assert.Contains("https://example.org/public", string.Join("\n", SlackHost.ReadableStrings(reply)), StringComparison.Ordinal);
        Assert.Null(await h.Signatures.FindAsync(SlackHost.Campaign, $"slack:{TeamA}:U0NURSE"));
        Assert.Equal(0, await h.TotalAsync());
        Assert.Empty(h.Slack.Views);
    }

    [Fact]
    public async Task Sign_FinalClickRedelivered_CountsOnceAndActsOnce()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0DUP"));
        await h.Slack.WaitForConnectionAsync();

        var (_, envelope) = await h.SignAsync(TeamA, "U0DUP", "Dee Uplicate", named: true);
        var before = h.Slack.MessagesFor(TeamA, "U0DUP").Count;
        var redelivered = await h.Slack.RedeliverAsync(envelope);
        Assert.Equal(envelope, redelivered.EnvelopeId);

        // A later command's reply proves the worker queue moved past the redelivered envelope.
        await h.Slack.SendSlashCommandAsync(TeamA, "U0DUP", "/petition");
        await h.NextMessageAsync(TeamA, "U0DUP", before, m => m.Text.Contains("Test petition", StringComparison.Ordinal) || m.AllText.Contains("Test petition", StringComparison.Ordinal));
        Assert.Equal(1, await h.TotalAsync());
        var after = h.Slack.MessagesFor(TeamA, "U0DUP").Skip(before).ToList();
        Assert.DoesNotContain(after, m => SlackHost.IsSigned(m) || m.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("expired", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sign_ExpiredTrigger_ClearReplyAndNothingStored()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0SLOW"));
        await h.Slack.WaitForConnectionAsync();

        var prompt = await h.StartNamingAsync(TeamA, "U0SLOW");
        h.Slack.ExpireTriggers = true;
        var skip = h.Slack.MessagesFor(TeamA, "U0SLOW").Count;
        await h.Slack.SendBlockActionAsync(TeamA, "U0SLOW", SlackHost.ButtonToken(prompt, "named")!);
        var reply = await h.NextMessageAsync(TeamA, "U0SLOW", skip, _ => true);

        Assert.Contains("open a form for a few seconds", reply.Text, StringComparison.Ordinal);
        Assert.Contains("try again", reply.Text, StringComparison.Ordinal);
        Assert.Equal("expired_trigger_id", h.Slack.CallsTo("views.open").Last().Error);
        Assert.Equal(0, await h.TotalAsync());

        // Trying again, as the reply says, opens the form.
        h.Slack.ExpireTriggers = false;
        await h.Slack.SendBlockActionAsync(TeamA, "U0SLOW", SlackHost.ButtonToken(prompt, "named")!);
        await FakeSlackServer.WaitUntilAsync(() => h.Slack.Views.Any(v => v.UserId == "U0SLOW"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Sign_InvalidForm_ErrorsShownInModalAndNothingSaved()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0TYPO"));
        await h.Slack.WaitForConnectionAsync();

        var (callback, metadata, _) = await h.StartSignAsync(TeamA, "U0TYPO");
        var ack = await h.Slack.SendViewSubmissionAsync(TeamA, "U0TYPO", callback, SlackHost.Form("", stage: "MS2\u0007"), metadata);

        Assert.Equal("errors", ack.ResponseAction);
        var errors = ack.Payload!["errors"]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(errors["name"]?.GetValue<string>()));
        Assert.True(errors.ContainsKey("stage"));
        Assert.Equal(0, await h.TotalAsync());

        // The modal stays open: a corrected submission of the same form goes on to the confirmation.
        var preview = await h.SubmitSignFormAsync(TeamA, "U0TYPO", callback, metadata, SlackHost.Form("Tia Typo"));
        Assert.NotNull(SlackHost.ButtonToken(preview, "sign"));
    }

    [Fact]
    public async Task TotalsAndExport_Organizer_BreakdownAndCsvInDmAndStudentRefused()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0ANA").AddUser("U0BEN"));
        await h.Slack.WaitForConnectionAsync();
        await h.SignAsync(TeamA, "U0ANA", "Ana Lopez", named: true);
        await h.SignAsync(TeamA, "U0BEN", "Ben Hidden", named: false);

        var skip = h.Slack.MessagesFor(TeamA, SlackHost.Organizer).Count;
        await h.Slack.SendSlashCommandAsync(TeamA, SlackHost.Organizer, "/totals");
        var totals = await h.NextMessageAsync(TeamA, SlackHost.Organizer, skip, m => m.Kind != FakeSlackMessage.Posted);
        Assert.Contains("2", totals.AllText, StringComparison.Ordinal);

        await h.Slack.SendSlashCommandAsync(TeamA, SlackHost.Organizer, "/export");
        await FakeSlackServer.WaitUntilAsync(() => h.Slack.FilesFor(TeamA, SlackHost.Organizer).Any(f => f.FileName.EndsWith(".csv", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));
        var csv = h.Slack.FilesFor(TeamA, SlackHost.Organizer).First(f => f.FileName.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Equal(FakeSlackServer.DmChannel(SlackHost.Organizer), csv.ChannelId);
        var text = Encoding.UTF8.GetString(csv.Content);
        Assert.Contains("Ana Lopez", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Hidden", text, StringComparison.Ordinal);

        var before = h.Slack.MessagesFor(TeamA, "U0ANA").Count;
        await h.Slack.SendSlashCommandAsync(TeamA, "U0ANA", "/export");
        var refusal = await h.NextMessageAsync(TeamA, "U0ANA", before, _ => true);
        Assert.Contains("Only", refusal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Lopez", refusal.AllText, StringComparison.Ordinal);
        Assert.Empty(h.Slack.FilesFor(TeamA, "U0ANA"));
        Assert.All(h.Slack.Files, f => Assert.Equal(SlackHost.Organizer, f.UserId));
        Assert.Contains(h.Slack.Files, f => f.FileName.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Milestone_TwoWorkspacesSetUp_EachChannelGetsItOnceEvenAfter429()
    {
        await using var h = await SlackHost.StartAsync(s =>
        {
            s.Team(TeamA).AddUser("U0ANA");
            s.Team(TeamB).AddUser("U0BEA");
        });
        await h.Slack.WaitForConnectionAsync();
        await h.SetupAsync(TeamA, SlackHost.AdminA, "C0ANNA");
        await h.SetupAsync(TeamB, SlackHost.AdminB, "C0ANNB");

        // The first announcement post is answered 429 Retry-After: 1; it must still arrive, once.
        h.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        await h.SignAsync(TeamA, "U0ANA", "Ana Lopez", named: true);
        await h.SignAsync(TeamB, "U0BEA", "Bea Ortiz", named: true);

        await FakeSlackServer.WaitUntilAsync(() => h.Slack.MessagesPosted(TeamA, "C0ANNA") >= 1 && h.Slack.MessagesPosted(TeamB, "C0ANNB") >= 1, TimeSpan.FromSeconds(20));
        await FakeSlackServer.WaitUntilAsync(() => h.OutboxPendingAsync().GetAwaiter().GetResult() == 0, TimeSpan.FromSeconds(20));

        Assert.Equal(1, h.Slack.MessagesPosted(TeamA, "C0ANNA"));
        Assert.Equal(1, h.Slack.MessagesPosted(TeamB, "C0ANNB"));
        var limited = h.Slack.CallsTo("chat.postMessage").Where(c => c.StatusCode == 429).ToList();
        Assert.Single(limited);
        var retried = h.Slack.CallsTo("chat.postMessage").Where(c => c.StatusCode == 200 && c.Json?["channel"]?.GetValue<string>() == limited[0].Json?["channel"]?.GetValue<string>()).ToList();
        Assert.NotEmpty(retried);
        Assert.True(retried[0].At - limited[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After was not honoured");
        Assert.Contains("2", h.Slack.Messages.First(m => m.ChannelId == "C0ANNA").AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshRequested_EnvelopesDuringTheSwitch_NoneLost()
    {
        await using var h = await SlackHost.StartAsync(s =>
        {
            for (var i = 0; i < 6; i++)
            {
                s.Team(TeamA).AddUser($"U0R{i}");
            }
        });
        var first = await h.Slack.WaitForConnectionAsync();

        // Envelopes sent on the old socket after the disconnect notice (Slack keeps it open ~10 s), then on the new one.
        await first.DisconnectAsync("refresh_requested", TimeSpan.FromSeconds(2));
        var old = new List<Task<FakeSlackAck>>();
        for (var i = 0; i < 3; i++)
        {
            old.Add(h.Slack.SendSlashCommandAsync(TeamA, $"U0R{i}", "/petition", via: first));
        }

        var second = await h.Slack.WaitForConnectionAsync(2);
        Assert.NotEqual(first.Id, second.Id);
        await Task.WhenAll(old);
        for (var i = 3; i < 6; i++)
        {
            await h.Slack.SendSlashCommandAsync(TeamA, $"U0R{i}", "/petition");
        }

        for (var i = 0; i < 6; i++)
        {
            await h.NextMessageAsync(TeamA, $"U0R{i}", 0, _ => true);
        }

        await FakeSlackServer.WaitUntilAsync(() => !first.IsOpen, TimeSpan.FromSeconds(10));
        Assert.True(second.IsOpen);
    }

    [Fact]
    public async Task InvalidAuth_SlackAdapterStopsCleanly_HostKeepsServingHealth()
    {
        await using var h = await SlackHost.StartAsync(s => s.AppTokenRevoked = true);

        JsonElement slack = default;
        HttpStatusCode status = default;
        await FakeSlackServer.WaitUntilAsync(() =>
        {
            using var response = h.Http.GetAsync("/healthz").GetAwaiter().GetResult();
            status = response.StatusCode;
            using var json = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            slack = json.RootElement.GetProperty("adapters").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "slack").Clone();
            return slack.GetProperty("state").GetString() == "stopped";
        }, TimeSpan.FromSeconds(10));

        // Only adapter stopped → unhealthy (503), but the host is alive and answering; the adapter does not spin.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("invalid_auth", slack.GetProperty("reason").GetString() ?? "", StringComparison.Ordinal);
        var opens = h.Slack.CallsTo("apps.connections.open").Count;
        using (var again = await h.Http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        }

        await Task.Delay(1500);
        Assert.Equal(opens, h.Slack.CallsTo("apps.connections.open").Count);
        Assert.Empty(h.Slack.Connections);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains(h.Slack.AppToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_NameWithChannelMention_PingsNobodyAnywhere()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(TeamA).AddUser("U0MAL").AddUser("U0X"));
        await h.Slack.WaitForConnectionAsync();
        await h.SetupAsync(TeamA, SlackHost.AdminA, "C0ANNA");

        await h.SignAsync(TeamA, "U0MAL", "<!channel>", named: true, school: "<!here> & <@U0ORG> School");
        await h.SignAsync(TeamA, "U0X", "Xavier Normal", named: true, school: "<!here> & <@U0ORG> School");
        await FakeSlackServer.WaitUntilAsync(() => h.Slack.MessagesPosted(TeamA, "C0ANNA") >= 1, TimeSpan.FromSeconds(20));
        await h.Slack.SendSlashCommandAsync(TeamA, SlackHost.Organizer, "/totals");
        await h.NextMessageAsync(TeamA, SlackHost.Organizer, 0, _ => true);

        var stored = await h.Signatures.FindAsync(SlackHost.Campaign, $"slack:{TeamA}:U0MAL");
        Assert.Equal("<!channel>", stored!.FullName);
        var shown = h.Slack.Messages.SelectMany(SlackHost.ReadableStrings).ToList();
        Assert.Contains(shown, s => s.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, s => s.Contains("<!channel>", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, s => s.Contains("<!here>", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, s => s.Contains("<@U0ORG>", StringComparison.Ordinal));
        foreach (var view in h.Slack.Views)
        {
            Assert.DoesNotContain(SlackHost.Strings(view.View), s => s.Contains("<!channel>", StringComparison.Ordinal));
        }
    }
}
