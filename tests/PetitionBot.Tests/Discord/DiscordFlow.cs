using System.Text.Json.Nodes;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Tests.Discord;

/// <summary>Drives the bot through the fake Discord the way a person would (slash command, buttons, modal), reading
/// the custom_ids the bot itself sent back. Works for an in-process host and for a child process alike.</summary>
internal static class DiscordFlow
{
    public const string Guild = "500000000000000001";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Delivers the interaction and returns the JSON of the first callback the bot sent for it.</summary>
    public static async Task<JsonNode> InteractAsync(FakeDiscordServer fake, JsonObject interaction, int times = 1, TimeSpan? timeout = null,
        CancellationToken ct = default)
    {
        var id = await fake.SendInteractionAsync(interaction, times);
        return await CallbackAsync(fake, id, timeout, ct);
    }

    /// <summary>Waits for the first callback of an interaction; <paramref name="ct"/> abandons the wait (the bot was killed).</summary>
    public static async Task<JsonNode> CallbackAsync(FakeDiscordServer fake, string interactionId, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (fake.CallbacksFor(interactionId).Count == 0)
        {
            ct.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for the callback of interaction {interactionId}");
            }

            await Task.Delay(10, ct);
        }

        var callback = fake.CallbacksFor(interactionId)[0];
        Assert.Equal(204, callback.Status);
        return callback.Json!;
    }

    /// <summary>Follow-ups and edits the bot made through the interaction's webhook (after a deferral).</summary>
    public static IReadOnlyList<FakeRestRequest> WebhookRequests(FakeDiscordServer fake, JsonObject interaction)
    {
        var token = interaction["token"]!.GetValue<string>();
        return fake.Requests.Where(r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal) && r.Path.Contains("/" + token, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Sends a slow (deferred) command and returns the edit of the deferred response and its follow-ups.</summary>
    public static async Task<(JsonNode Callback, FakeRestRequest Edit, IReadOnlyList<FakeRestRequest> Followups)> DeferredAsync(
        FakeDiscordServer fake, JsonObject interaction, int followups)
    {
        var callback = await InteractAsync(fake, interaction);
        await FakeDiscordServer.WaitUntilAsync(
            () => WebhookRequests(fake, interaction) is var r && r.Any(x => x.Method == "PATCH") && r.Count(x => x.Method == "POST") >= followups,
            "the deferred reply", Timeout);
        var all = WebhookRequests(fake, interaction);
        return (callback, all.First(r => r.Method == "PATCH"), all.Where(r => r.Method == "POST").ToList());
    }

    /// <summary>The text a person sees in a message body: content, or the embed's title, description and fields.</summary>
    public static string Text(JsonNode? message)
    {
        if (message is null)
        {
            return "";
        }

        var parts = new List<string>();
        if (message["content"] is JsonValue content)
        {
            parts.Add(content.GetValue<string>());
        }

        foreach (var embed in message["embeds"]?.AsArray() ?? [])
        {
            parts.Add(embed?["title"]?.GetValue<string>() ?? "");
            parts.Add(embed?["description"]?.GetValue<string>() ?? "");
            foreach (var field in embed?["fields"]?.AsArray() ?? [])
            {
                parts.Add(field?["value"]?.GetValue<string>() ?? "");
            }
        }

        return string.Join("\n", parts);
    }

    /// <summary>Every button (type 2) in the message's action rows.</summary>
    public static IReadOnlyList<JsonNode> Buttons(JsonNode? message) =>
        (message?["components"]?.AsArray() ?? [])
            .SelectMany(row => row?["components"]?.AsArray() ?? [])
            .Where(c => c?["type"]?.GetValue<int>() == 2)
            .Select(c => c!)
            .ToList();

    /// <summary>The custom_id of the button whose id ends with ":<paramref name="action"/>".</summary>
    public static string ButtonId(JsonNode callback, string action)
    {
        var ids = Buttons(callback["data"]).Select(b => b["custom_id"]?.GetValue<string>()).OfType<string>().ToList();
        return ids.SingleOrDefault(id => id.EndsWith(":" + action, StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"No button \"{action}\" among [{string.Join(", ", ids)}] in {callback.ToJsonString()}");
    }

    /// <summary>/sign → "Medical student" → named or counted only → form → (a school the directory does not know: "Other")
    /// → preview → sign. Returns every callback, in order.</summary>
    public static async Task<SignTrace> SignAsync(FakeDiscordServer fake, string userId, string name, string school = "UC Davis",
        string stage = "MS3", bool named = true, string guildId = Guild, TimeSpan? timeout = null, CancellationToken ct = default,
        Action<string>? confirming = null, string role = "r0")
    {
        var start = await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, guildId, userId, "sign"), timeout: timeout, ct: ct);
        var naming = await InteractAsync(fake, FakeDiscordInteractions.Button(fake, guildId, userId, ButtonId(start, role)), timeout: timeout, ct: ct);
        var form = await InteractAsync(fake, FakeDiscordInteractions.Button(fake, guildId, userId, ButtonId(naming, named ? "named" : "counted")),
            timeout: timeout, ct: ct);
        var formId = form["data"]?["custom_id"]?.GetValue<string>()
                     ?? throw new InvalidOperationException("Expected a modal, got " + form.ToJsonString());
        var fields = new Dictionary<string, string> { ["school"] = school, ["stage"] = stage };
        if (named)
        {
            fields["name"] = name;
        }

        var preview = await InteractAsync(fake, FakeDiscordInteractions.ModalSubmit(fake, guildId, userId, formId, fields), timeout: timeout, ct: ct);
        if (HasButton(preview, "sother"))
        {
            preview = await InteractAsync(fake, FakeDiscordInteractions.Button(fake, guildId, userId, ButtonId(preview, "sother")), timeout: timeout, ct: ct);
        }

        var confirm = FakeDiscordInteractions.Button(fake, guildId, userId, ButtonId(preview, "sign"));
        confirming?.Invoke(confirm["id"]!.GetValue<string>());
        var done = await InteractAsync(fake, confirm, timeout: timeout, ct: ct);
        return new SignTrace(start, naming, form, preview, done, confirm["id"]!.GetValue<string>());
    }

    /// <summary>True when the reply has a button whose id ends with ":<paramref name="action"/>".</summary>
    public static bool HasButton(JsonNode callback, string action) =>
        Buttons(callback["data"]).Any(b => b["custom_id"]?.GetValue<string>()?.EndsWith(":" + action, StringComparison.Ordinal) == true);

    /// <summary>Checks every body the bot sent to the fake against the official Discord OpenAPI schemas: callbacks,
    /// webhook edits and follow-ups (the payload_json of multipart ones), channel messages.</summary>
    public static void AssertBodiesMatchOpenApi(FakeDiscordServer fake)
    {
        var checkedKinds = 0;
        foreach (var request in fake.Requests.Where(r => r.Method is "POST" or "PATCH"))
        {
            var schema = request switch
            {
                { Path: var p } when p.StartsWith("interactions/", StringComparison.Ordinal) => OpenApiSchemas.InteractionCallbackBody,
                { Method: "PATCH", Path: var p } when p.StartsWith("webhooks/", StringComparison.Ordinal) => OpenApiSchemas.WebhookEdit,
                { Path: var p } when p.StartsWith("webhooks/", StringComparison.Ordinal) => OpenApiSchemas.WebhookExecute,
                { Path: var p } when p.StartsWith("channels/", StringComparison.Ordinal) => OpenApiSchemas.MessageCreate,
                _ => null,
            };
            if (schema is not null)
            {
                OpenApiSchemas.AssertValid(schema, request.Json);
                checkedKinds++;
            }
        }

        Assert.True(checkedKinds > 0, "no bodies to check");
    }

    /// <summary>Every JSON body the bot sent that is a message (callbacks with data except modals, webhook edits and
    /// follow-ups, channel messages).</summary>
    public static IEnumerable<(FakeRestRequest Request, JsonNode Message)> MessageBodies(FakeDiscordServer fake)
    {
        foreach (var request in fake.Requests)
        {
            if (request.Json is not JsonObject json)
            {
                continue;
            }

            if (request.Path.StartsWith("interactions/", StringComparison.Ordinal))
            {
                var type = json["type"]?.GetValue<int>();
                if (type is 4 or 5 or 7 && json["data"] is JsonObject data)
                {
                    yield return (request, data);
                }
            }
            else if (request.Path.StartsWith("webhooks/", StringComparison.Ordinal) || request.Path.StartsWith("channels/", StringComparison.Ordinal))
            {
                yield return (request, json);
            }
        }
    }
}

/// <summary>The callbacks of one sign flow: the prompt, the named/counted choice, the form (modal), the preview, the result.</summary>
internal sealed record SignTrace(JsonNode Start, JsonNode Naming, JsonNode Form, JsonNode Preview, JsonNode Done, string ConfirmInteractionId)
{
    public IReadOnlyList<JsonNode> All => [Start, Naming, Form, Preview, Done];
}
