using System.Text;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.Interactions;

public sealed class InteractionTests
{
    private const string Team = SlackAdapterHarness.TeamId;

    private static readonly FormSpec SignForm = new("form:sign:abc", "Sign the petition", [new FormField("name", "Full name", 100), new FormField("school", "School", 100)]);

    [Fact]
    public async Task SlashCommand_ReplyHasForm_ViewsOpenedWithTrigger()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "fill in", Form = SignForm });
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/sign", channelId: "C0CHAN");
        var call = await h.Slack.WaitForCallAsync("views.open");

        Assert.Equal(200, call.StatusCode);
        Assert.Null(call.Error);
        var view = Assert.Single(h.Slack.Views).View;
        Assert.Equal("form:sign:abc", view["callback_id"]!.GetValue<string>());
        Assert.Equal("C0CHAN", view["private_metadata"]!.GetValue<string>());
        Assert.Equal(2, view["blocks"]!.AsArray().Count);
    }

    [Fact]
    public async Task SlashCommand_OpensFormCommand_LoadingViewFirstThenUpdated()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = async (_, _) =>
        {
            await Task.Delay(3500);
            return new Reply { Text = "write", Form = new FormSpec("form:update:1", "Post an update", [new FormField("message", "Message", 1500, Multiline: true)]) };
        };
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0ADMIN", "/update");
        await h.Slack.WaitForCallAsync("views.update", timeout: TimeSpan.FromSeconds(8));

        var views = h.Slack.Views;
        Assert.Equal(["open", "update"], views.Select(v => v.Kind));
        Assert.Null(views[0].View["callback_id"]);
        Assert.Equal("form:update:1", views[1].View["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SlashCommand_ExpiredTrigger_ClearEphemeralReply()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.ExpireTriggers = true);
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "fill in", Form = SignForm });
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/sign");
        var message = await h.Slack.WaitForMessageAsync(m => m.UserId == "U0STUDENT");

        Assert.Equal(FakeSlackMessage.ResponseUrl, message.Kind);
        Assert.Contains("run /sign again", message.Text, StringComparison.Ordinal);
        Assert.Equal("expired_trigger_id", h.Slack.CallsTo("views.open").Single().Error);
    }

    [Fact]
    public async Task ViewSubmission_FieldErrors_AckWithResponseActionErrors()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "fix it", FieldErrors = new Dictionary<string, string> { ["name"] = "Please enter your full name." } });
        await h.Slack.WaitForConnectionAsync();

        var ack = await h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:abc", new Dictionary<string, string> { ["name"] = "", ["school"] = "UC Davis" }, "C0CHAN");

        Assert.Equal("errors", ack.ResponseAction);
        Assert.Equal("Please enter your full name.", ack.Payload!["errors"]!["name"]!.GetValue<string>());
        var input = Assert.IsType<FormInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal("form:sign:abc", input.Token);
        Assert.Equal("UC Davis", input.Fields["school"]);
        Assert.Equal("C0CHAN", input.ChannelId);
    }

    [Fact]
    public async Task ViewSubmission_CoreSlowerThanTheFormBudget_FormClosedAtOnceAndTheErrorsFollowAsAMessage()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        var release = new TaskCompletionSource();
        h.Bot.Handler = async (_, _) =>
        {
            await release.Task;
            return new Reply { Text = "Please check the form.", FieldErrors = new Dictionary<string, string> { ["name"] = "Please enter your full name." } };
        };
        await h.Slack.WaitForConnectionAsync();

        var sent = System.Diagnostics.Stopwatch.StartNew();
        FakeSlackAck ack;
        TimeSpan ackedAfter;
        try
        {
            ack = await h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:abc", new Dictionary<string, string> { ["name"] = "" }, "C0CHAN");
            ackedAfter = sent.Elapsed;
        }
        finally
        {
            // Released even when the ack never came, so the harness can stop.
            release.TrySetResult();
        }

        var message = await h.Slack.WaitForMessageAsync(m => m.UserId == "U0STUDENT");

        // Slack:FormAckBudget (300 ms) rather than Slack:AckBudget (2.3 s): the person is not left on a frozen form.
        Assert.True(ackedAfter < TimeSpan.FromSeconds(1.5), $"acknowledged after {ackedAfter.TotalMilliseconds:0} ms");
        Assert.Null(ack.Payload);
        Assert.Contains("Please enter your full name.", message.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewSubmission_EveryWorkerBusy_AckedAtItsBudgetAndAnsweredByMessageLater()
    {
        await using var h = await SlackAdapterHarness.StartAsync(settings: new() { ["Slack:Workers"] = "1" });
        var release = new TaskCompletionSource();
        h.Bot.Handler = async (input, _) =>
        {
            var form = (FormInput)input;
            if (form.Fields["name"] == "first")
            {
                await release.Task;
            }

            return new Reply { Text = "Thank you, " + form.Fields["name"] };
        };
        await h.Slack.WaitForConnectionAsync();
        var first = h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:a", new Dictionary<string, string> { ["name"] = "first" }, "C0CHAN");
        await first;

        // The only worker of the answers lane is still waiting for the core on the first form.
        var sent = System.Diagnostics.Stopwatch.StartNew();
        FakeSlackAck second;
        TimeSpan ackedAfter;
        try
        {
            second = await h.Slack.SendViewSubmissionAsync(Team, "U0ADMIN", "form:sign:b", new Dictionary<string, string> { ["name"] = "second" }, "C0CHAN");
            ackedAfter = sent.Elapsed;
        }
        finally
        {
            release.TrySetResult();
        }

        var message = await h.Slack.WaitForMessageAsync(m => m.UserId == "U0ADMIN");

        Assert.True(ackedAfter < TimeSpan.FromSeconds(1.5), $"acknowledged after {ackedAfter.TotalMilliseconds:0} ms");
        Assert.Null(second.Payload);
        Assert.Contains("Thank you, second", message.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewSubmission_Success_ModalClosedAndReplyEphemeral()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "Signed", Progress = new Progress(482, 1000) });
        await h.Slack.WaitForConnectionAsync();

        var ack = await h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:abc", new Dictionary<string, string> { ["name"] = "Ana" }, "C0CHAN");
        var message = await h.Slack.WaitForMessageAsync(m => m.Kind == FakeSlackMessage.Ephemeral);

        Assert.Null(ack.Payload);
        Assert.Equal("C0CHAN", message.ChannelId);
        Assert.Equal("U0STUDENT", message.UserId);
        Assert.Contains("482 of 1,000", message.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewSubmission_EphemeralRateLimited_DeliveredAfterRetryAfter()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "Signed", Progress = new Progress(482, 1000) });
        h.Slack.RateLimitNext("chat.postEphemeral", retryAfterSeconds: 1, times: 1);
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:abc", new Dictionary<string, string> { ["name"] = "Ana" }, "C0CHAN");
        var message = await h.Slack.WaitForMessageAsync(m => m.Kind == FakeSlackMessage.Ephemeral);

        var calls = h.Slack.CallsTo("chat.postEphemeral");
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {calls[1].At - calls[0].At}, before Retry-After");
        Assert.Equal("U0STUDENT", message.UserId);
        Assert.Empty(h.Slack.CallsTo("conversations.open"));
    }

    [Fact]
    public async Task ViewSubmission_EphemeralAndDmServerErrors_DeliveredToDmOnRetry()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "Signed", Progress = new Progress(482, 1000) });
        h.Slack.FailNext("chat.postEphemeral", "channel_not_found", times: 1);
        h.Slack.ServerErrorNext("chat.postMessage", 503, times: 2);
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:abc", new Dictionary<string, string> { ["name"] = "Ana" }, "C0CHAN");
        var message = await h.Slack.WaitForMessageAsync(m => m.ChannelId == FakeSlackServer.DmChannel("U0STUDENT"));

        Assert.Single(h.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal([503, 503, 200], h.Slack.CallsTo("chat.postMessage").Select(c => c.StatusCode));
        Assert.Contains("482 of 1,000", message.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockActions_Button_ChoiceInputWithToken()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "next step", ReplacesPrevious = true });
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendBlockActionAsync(Team, "U0STUDENT", "sign:elig:ms", channelId: "C0CHAN");
        var message = await h.Slack.WaitForMessageAsync(m => m.Kind == FakeSlackMessage.ResponseUrl);

        var input = Assert.IsType<ChoiceInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal("sign:elig:ms", input.Token);
        Assert.Empty(input.Values);
        Assert.Equal("C0CHAN", input.ChannelId);
        Assert.True(message.ReplaceOriginal);
    }

    [Fact]
    public async Task BlockActions_StaticSelect_ValuesHoldSelection()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendBlockActionAsync(Team, "U0STUDENT", "menu:stage", selectedValue: "PGY2");
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);

        var input = Assert.IsType<ChoiceInput>(h.Bot.Inputs[0]);
        Assert.Equal("menu:stage", input.Token);
        Assert.Equal(["PGY2"], input.Values);
    }

    [Fact]
    public async Task UmbrellaCommand_PetitionSign_CommandInputSign()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/petition", "sign");
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);

        var input = Assert.IsType<CommandInput>(h.Bot.Inputs[0]);
        Assert.Equal("sign", input.Command);
        Assert.Equal(PlatformKind.Slack, input.Actor.Platform);
        Assert.Equal(Team, input.Actor.ServerId);
        Assert.Equal("U0STUDENT", input.Actor.UserId);
    }

    [Fact]
    public async Task Setup_EscapedText_ParsedIntoOptions()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0ADMIN", "/setup", "channel:<#C123|general> leader_role:<!subteam^S123|@leads> strict:true school:\"UC Davis\"");
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);

        var input = Assert.IsType<CommandInput>(h.Bot.Inputs[0]);
        Assert.Equal("setup", input.Command);
        Assert.Equal("C123", input.Options["channel"]);
        Assert.Equal("S123", input.Options["leader_role"]);
        Assert.Equal("true", input.Options["strict"]);
        Assert.Equal("UC Davis", input.Options["school"]);
        Assert.True(input.Actor.IsServerAdmin);
    }

    [Fact]
    public async Task Actor_UserGroupsAndAdmin_ResolvedAndCached()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.Team(Team).AddUserGroup("S0LEADS", "U0STUDENT").AddUserGroup("S0OTHER", "U0ADMIN"));
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/totals");
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);
        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/petition");
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 2);

        Assert.All(h.Bot.Inputs, i => Assert.Equal(["S0LEADS"], i.Actor.RoleIds));
        Assert.All(h.Bot.Inputs, i => Assert.False(i.Actor.IsServerAdmin));
        Assert.Single(h.Slack.CallsTo("usergroups.list"));
        Assert.Single(h.Slack.CallsTo("users.info"));
    }

    [Fact]
    public async Task EphemeralReply_UserTextWithChannelMention_PingsNobody()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Title = "<!here> title", Text = "Thanks <!channel> & <@U1>" });
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/petition");
        var message = await h.Slack.WaitForMessageAsync(m => m.UserId == "U0STUDENT");

        Assert.DoesNotContain("<!channel>", message.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U1>", message.AllText, StringComparison.Ordinal);
        Assert.Contains("Thanks &lt;!channel&gt; &amp; &lt;@U1&gt;", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Attachment_UploadedIntoOrganizersDm()
    {
        var csv = Encoding.UTF8.GetBytes("name,stage,school\nAna,MS2,UC Davis\n");
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "Export sent to your DMs.", Attachments = [new FileAttachment("signers.csv", "text/csv", csv)] });
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync(Team, "U0ADMIN", "/export");
        await h.Slack.WaitForMessageAsync(m => m.UserId == "U0ADMIN");

        var file = Assert.Single(h.Slack.FilesFor(Team, "U0ADMIN"));
        Assert.Equal(csv, file.Content);
        Assert.Equal("signers.csv", file.FileName);
        Assert.Equal(FakeSlackServer.DmChannel("U0ADMIN"), file.ChannelId);
        var order = h.Slack.Calls.Select(c => c.Method).Where(m => m is "conversations.open" or "files.getUploadURLExternal" or "files.completeUploadExternal").ToList();
        Assert.Equal(["conversations.open", "files.getUploadURLExternal", "files.completeUploadExternal"], order);
        Assert.Equal(FakeSlackServer.DmChannel("U0ADMIN"), h.Slack.CallsTo("files.completeUploadExternal").Single().Param("channel_id"));
        Assert.DoesNotContain(h.Logs.Entries, l => l.Text.Contains("/upload/", StringComparison.Ordinal) || l.Text.Contains("/response/", StringComparison.Ordinal) || l.Text.Contains("xoxb-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Routing_TeamWithInstallation_UsesItsOwnToken()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.AddTeam("T0SCHOOL2", "xoxb-T0SCHOOL2-own").AddUser("U2"));
        await h.Store.SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, "T0SCHOOL2"), "xoxb-T0SCHOOL2-own", "U0BOT", "School 2", DateTimeOffset.UtcNow));
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendSlashCommandAsync("T0SCHOOL2", "U2", "/petition");
        await h.Slack.SendSlashCommandAsync(Team, "U0STUDENT", "/petition");
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 2);

        Assert.All(h.Slack.CallsTo("users.info").Where(c => c.Param("user") == "U2"), c => Assert.Equal("xoxb-T0SCHOOL2-own", c.Token));
        Assert.All(h.Slack.CallsTo("users.info").Where(c => c.Param("user") == "U0STUDENT"), c => Assert.Equal(SlackAdapterHarness.BotToken, c.Token));
        Assert.Equal("T0SCHOOL2", h.Bot.Inputs.Single(i => i.Actor.UserId == "U2").Actor.ServerId);
        Assert.Equal(2, h.Slack.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task AppUninstalled_Event_InstallationRemovedAndCoreTold()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.AddTeam("T0GONE", "xoxb-gone"));
        var workspace = new ServerRef(PlatformKind.Slack, "T0GONE");
        await h.Store.SaveAsync(new Installation(workspace, "xoxb-gone", null, null, DateTimeOffset.UtcNow));
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendEnvelopeAsync("events_api", System.Text.Json.Nodes.JsonNode.Parse("""{"team_id":"T0GONE","type":"event_callback","event":{"type":"app_uninstalled"}}""")!.AsObject());
        await FakeSlackServer.WaitUntilAsync(() => !h.Bot.Left.IsEmpty);

        Assert.Null(await h.Store.FindAsync(workspace));
        Assert.Equal(workspace, Assert.Single(h.Bot.Left));
    }

    [Fact]
    public async Task Actor_ConcurrentCommandsColdCache_OneUserGroupsLookup()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack =>
        {
            foreach (var i in Enumerable.Range(1, 6))
            {
                slack.Team(Team).AddUser($"U{i}");
            }

            slack.Team(Team).AddUserGroup("S0LEADS", "U3");
        });
        await h.Slack.WaitForConnectionAsync();

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => h.Slack.SendSlashCommandAsync(Team, $"U{i}", "/petition")));
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 6);

        Assert.Single(h.Slack.CallsTo("usergroups.list"));
        Assert.Equal(["S0LEADS"], h.Bot.Inputs.Single(i => i.Actor.UserId == "U3").Actor.RoleIds);
        Assert.Empty(h.Bot.Inputs.Single(i => i.Actor.UserId == "U4").Actor.RoleIds);
    }
}
