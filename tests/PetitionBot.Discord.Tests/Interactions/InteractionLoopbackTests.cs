using System.Text;
using System.Text.Json.Nodes;
using PetitionBot.Core.Interactions;
using PetitionBot.Discord.Interactions;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>Interactions end to end: INTERACTION_CREATE from the fake gateway, the fake core's reply, and the callback
/// and webhook bodies the adapter sends (validated against the official OpenAPI schemas).</summary>
public sealed class InteractionLoopbackTests
{
    private const string Guild = "500000000000000001";
    private const string User = "600000000000001234";

    private static Task<DiscordHarness> StartAsync(TimeSpan? deferAfter = null) => DiscordHarness.StartAsync(
        new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 },
        interactionTimings: deferAfter is null ? null : new InteractionTimings { DeferAfter = deferAfter.Value });

    private static async Task<FakeRestRequest> CallbackAsync(DiscordHarness h, string interactionId)
    {
        await FakeDiscordServer.WaitUntilAsync(() => h.Server.CallbacksFor(interactionId).Count > 0, "the callback");
        var callback = h.Server.CallbacksFor(interactionId)[0];
        OpenApiSchemas.AssertValid(OpenApiSchemas.InteractionCallbackBody, callback.Json);
        return callback;
    }

    [Fact]
    public async Task SlashCommand_PrivateReply_EphemeralMessageCallbackThatPingsNobody()
    {
        await using var h = await StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(Reply.Private("Thanks @everyone <@&1> — signed"));
        var interaction = FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "setup",
            new Dictionary<string, JsonNode?> { ["channel"] = "700000000000000001", ["strict"] = true },
            roles: ["800000000000000001"], permissions: FakeDiscordInteractions.ManageServerPermissions);

        var id = await h.Server.SendInteractionAsync(interaction);

        var callback = await CallbackAsync(h, id);
        Assert.Equal(204, callback.Status);
        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json["data"]!["flags"]!.GetValue<int>());
        Assert.Empty(callback.Json["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("Thanks @everyone <@&1> — signed", callback.Json["data"]!["content"]!.GetValue<string>());
        var input = Assert.IsType<CommandInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal("setup", input.Command);
        Assert.Equal("700000000000000001", input.Options["channel"]);
        Assert.Equal("true", input.Options["strict"]);
        Assert.Equal(Guild, input.Actor.ServerId);
        Assert.Equal(User, input.Actor.UserId);
        Assert.Equal(["800000000000000001"], input.Actor.RoleIds);
        Assert.True(input.Actor.IsServerAdmin);
        Assert.Equal("300000000000000001", input.ChannelId);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains(interaction["token"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Entries, e => e.Level > Microsoft.Extensions.Logging.LogLevel.Debug && e.Message.Contains(User, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlashCommand_ProgressAndChoices_EmbedWithBarAndButtonRows()
    {
        await using var h = await StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply
        {
            Title = "Petition",
            Text = "Reinstate the protected areas guidance",
            Progress = new Progress(482, 1000),
            Visibility = Visibility.Public,
            Choices = [.. Enumerable.Range(1, 6).Select(i => new Choice($"tok{i}", $"Option {i}")), Choice.Link("Change.org", "https://example.org/p")],
        });

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "petition"));

        var data = (await CallbackAsync(h, id)).Json!["data"]!;
        Assert.Null(data["flags"]);
        var embed = data["embeds"]![0]!;
        Assert.Equal("Petition", embed["title"]!.GetValue<string>());
        Assert.Contains("482 of 1,000", embed["fields"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("48%", embed["fields"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var rows = data["components"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal(5, rows[0]!["components"]!.AsArray().Count);
        var link = rows[1]!["components"]![1]!;
        Assert.Equal(5, link["style"]!.GetValue<int>());
        Assert.Equal("https://example.org/p", link["url"]!.GetValue<string>());
        Assert.Null(link["custom_id"]);
    }

    [Fact]
    public async Task FormReply_ToCommand_OpensModalWithLabelComponents()
    {
        await using var h = await StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply
        {
            Text = "Tell us about you",
            Form = new FormSpec("form:sign:1", "Sign the petition",
            [
                new FormField("name", "Full name", 100),
                new FormField("school", "School or program", 120, Placeholder: "e.g. UCSF"),
            ]),
        });

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.Button(h.Server, Guild, User, "elig:ms"));

        var json = (await CallbackAsync(h, id)).Json!;
        Assert.Equal(9, json["type"]!.GetValue<int>());
        Assert.Equal("form:sign:1", json["data"]!["custom_id"]!.GetValue<string>());
        var label = json["data"]!["components"]![0]!;
        Assert.Equal(18, label["type"]!.GetValue<int>());
        Assert.Equal("Full name", label["label"]!.GetValue<string>());
        Assert.Equal(4, label["component"]!["type"]!.GetValue<int>());
        Assert.Equal("name", label["component"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(2, json["data"]!["components"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ModalSubmit_LabelOrLegacyRows_FieldsReachCore(bool legacy)
    {
        await using var h = await StartAsync();
        var submit = FakeDiscordInteractions.ModalSubmit(h.Server, Guild, User, "form:sign:1",
            new Dictionary<string, string> { ["name"] = "Ana Example", ["school"] = "State Med" }, legacy);

        var id = await h.Server.SendInteractionAsync(submit);

        await CallbackAsync(h, id);
        var input = Assert.IsType<FormInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal("form:sign:1", input.Token);
        Assert.Equal("Ana Example", input.Fields["name"]);
        Assert.Equal("State Med", input.Fields["school"]);
    }

    [Fact]
    public async Task ModalSubmit_FieldErrors_MessageWithButtonThatReopensForm()
    {
        await using var h = await StartAsync();
        var form = new FormSpec("form:sign:2", "Sign the petition", [new FormField("name", "Full name", 100)]);
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply
        {
            Text = "Please enter your name.",
            Form = form,
            FieldErrors = new Dictionary<string, string> { ["name"] = "Required" },
        });
        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.ModalSubmit(h.Server, Guild, User, "form:sign:2",
            new Dictionary<string, string> { ["name"] = "" }));

        var json = (await CallbackAsync(h, id)).Json!;
        Assert.Equal(4, json["type"]!.GetValue<int>());
        var button = json["data"]!["components"]![0]!["components"]![0]!;
        var reopen = await h.Server.SendInteractionAsync(FakeDiscordInteractions.Button(h.Server, Guild, User, button["custom_id"]!.GetValue<string>()));

        var modal = (await CallbackAsync(h, reopen)).Json!;
        Assert.Equal(9, modal["type"]!.GetValue<int>());
        Assert.Equal("form:sign:2", modal["data"]!["custom_id"]!.GetValue<string>());
        Assert.Single(h.Bot.Inputs);
    }

    [Fact]
    public async Task Button_ReplacesPrevious_UpdateMessageCallback()
    {
        await using var h = await StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "Step 2", ReplacesPrevious = true });

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.Button(h.Server, Guild, User, "flow:next"));

        var json = (await CallbackAsync(h, id)).Json!;
        Assert.Equal(7, json["type"]!.GetValue<int>());
        Assert.Empty(json["data"]!["components"]!.AsArray());
        Assert.Equal("flow:next", Assert.IsType<ChoiceInput>(Assert.Single(h.Bot.Inputs)).Token);
    }

    [Fact]
    public async Task Select_Values_ReachCoreAsChoice()
    {
        await using var h = await StartAsync();

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.Select(h.Server, null, User, "menu:stage", ["MS3"]));

        await CallbackAsync(h, id);
        var input = Assert.IsType<ChoiceInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal(["MS3"], input.Values);
        Assert.Equal("", input.Actor.ServerId);
        Assert.False(input.Actor.IsServerAdmin);
    }

    [Fact]
    public async Task DuplicateDelivery_SameInteraction_CoreCalledOnceAndOneCallback()
    {
        await using var h = await StartAsync();

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "sign"), times: 2);

        await CallbackAsync(h, id);
        await Task.Delay(300);
        Assert.Single(h.Bot.Inputs);
        Assert.Single(h.Server.CallbacksFor(id));
        Assert.DoesNotContain(h.Server.Requests, r => r.Status >= 400);
    }

    [Fact]
    public async Task SlowCore_PastDeferThreshold_DefersThenEditsOriginal()
    {
        await using var h = await StartAsync(TimeSpan.FromMilliseconds(200));
        h.Bot.Handler = async (_, ct) =>
        {
            await Task.Delay(700, ct);
            return Reply.Private("Done at last");
        };

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "sign"));

        var callback = await CallbackAsync(h, id);
        Assert.Equal(5, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json["data"]!["flags"]!.GetValue<int>());
        var edit = await h.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
        Assert.Equal(200, edit.Status);
        Assert.Equal("Done at last", edit.Json!["content"]!.GetValue<string>());
        Assert.Empty(edit.Json["allowed_mentions"]!["parse"]!.AsArray());
        OpenApiSchemas.AssertValid(OpenApiSchemas.WebhookEdit, edit.Json);
        Assert.True(edit.ReceivedAt > callback.ReceivedAt);
    }

    [Fact]
    public async Task SlowCommand_MayBeSlow_DefersBeforeCallingCore()
    {
        await using var h = await StartAsync();
        var deferredBeforeCore = false;
        string? id = null;
        h.Bot.Handler = (_, _) =>
        {
            deferredBeforeCore = id is not null && h.Server.CallbacksFor(id).Count == 1;
            return Task.FromResult(Reply.Private("totals"));
        };
        var interaction = FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "totals");
        id = interaction["id"]!.GetValue<string>();

        await h.Server.SendInteractionAsync(interaction);

        Assert.Equal(5, (await CallbackAsync(h, id)).Json!["type"]!.GetValue<int>());
        await h.Server.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.True(deferredBeforeCore);
    }

    [Fact]
    public async Task LateForm_AfterDefer_BecomesMessageWithOpenButton()
    {
        await using var h = await StartAsync(TimeSpan.FromMilliseconds(100));
        h.Bot.Handler = async (_, ct) =>
        {
            await Task.Delay(400, ct);
            return new Reply { Text = "Write your update", Form = new FormSpec("form:update:1", "Post an update", [new FormField("message", "Message", 1500, Multiline: true)]) };
        };

        await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "update"));

        var edit = await h.Server.WaitForRequestAsync(r => r.Method == "PATCH");
        var button = edit.Json!["components"]![0]!["components"]![0]!;
        Assert.StartsWith("~form:", button["custom_id"]!.GetValue<string>(), StringComparison.Ordinal);
        OpenApiSchemas.AssertValid(OpenApiSchemas.WebhookEdit, edit.Json);
    }

    [Fact]
    public async Task Attachment_Export_SentAsEphemeralMultipartFollowup()
    {
        await using var h = await StartAsync();
        var csv = Encoding.UTF8.GetBytes("name,stage,school\nAna,MS3,State Med\n");
        h.Bot.Handler = (_, _) => Task.FromResult(new Reply
        {
            Text = "Export ready",
            Attachments = [new FileAttachment("signers.csv", "text/csv", csv)],
        });

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "export"));

        await CallbackAsync(h, id);
        var upload = await h.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("webhooks/", StringComparison.Ordinal) && r.IsMultipart);
        Assert.Equal(200, upload.Status);
        var file = Assert.Single(upload.Parts, p => p.Name == "files[0]");
        Assert.Equal("signers.csv", file.FileName);
        Assert.Equal(csv, file.Content);
        var payload = upload.Json!;
        Assert.Equal(64, payload["flags"]!.GetValue<int>());
        Assert.Equal("signers.csv", payload["attachments"]![0]!["filename"]!.GetValue<string>());
        Assert.Equal("0", payload["attachments"]![0]!["id"]!.ToString());
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
        OpenApiSchemas.AssertValid(OpenApiSchemas.WebhookExecute, payload);
    }

    [Fact]
    public async Task SlowCore_EditRateLimited_RetriedOnceAfterRetryAfter()
    {
        await using var h = await StartAsync(TimeSpan.FromMilliseconds(100));
        h.Bot.Handler = async (_, ct) =>
        {
            await Task.Delay(300, ct);
            return Reply.Private("late");
        };
        h.Server.InjectRateLimit("PATCH", "webhooks/", TimeSpan.FromMilliseconds(300));

        await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "sign"));

        await h.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Status == 200);
        var edits = h.Server.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal([429, 200], edits.Select(e => e.Status));
        Assert.True(edits[1].ReceivedAt - edits[0].ReceivedAt >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Callback_RateLimitedTwice_SentAgainAfterEachRetryAfterWithinDeadline()
    {
        await using var h = await StartAsync();
        h.Bot.Handler = (_, _) => Task.FromResult(Reply.Private("signed"));
        h.Server.InjectRateLimit("POST", "interactions/", TimeSpan.FromMilliseconds(300), times: 2);

        var id = await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "sign"));

        await h.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("interactions/", StringComparison.Ordinal) && r.Status == 204);
        var callbacks = h.Server.CallbacksFor(id);
        Assert.Equal([429, 429, 204], callbacks.Select(c => c.Status));
        Assert.True(callbacks[1].ReceivedAt - callbacks[0].ReceivedAt >= TimeSpan.FromMilliseconds(250), "sent again before retry_after");
        Assert.True(callbacks[2].ReceivedAt - callbacks[1].ReceivedAt >= TimeSpan.FromMilliseconds(250), "sent again before retry_after");
        Assert.Equal(4, callbacks[2].Json?["type"]?.GetValue<int>());
    }
}
