using System.Text.Json.Nodes;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Slack;

namespace PetitionBot.Tests.Reliability;

/// <summary>Drives a Discord user through the sign flow; "signed", "already" or "lost".</summary>
internal sealed class SoakDiscordDriver(FakeDiscordServer server)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public async Task SetupAsync(string guild, string channel)
    {
        var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, "690000000000000009", "setup",
            new Dictionary<string, JsonNode?> { ["channel"] = channel }, permissions: FakeDiscordInteractions.ManageServerPermissions));
        var reply = await ReplyAsync(id);
        Assert.Contains(channel, Text(reply), StringComparison.Ordinal);
    }

    public async Task<string> PetitionAsync(string guild, string user)
    {
        var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, user, "petition"));
        return Text(await ReplyAsync(id));
    }

    public async Task<string> ProbeAsync(string guild, string user)
    {
        var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, user, "sign"));
        var reply = await ReplyAsync(id);
        return Text(reply).Contains("already signed", StringComparison.OrdinalIgnoreCase) ? "already" : "not signed";
    }

    public async Task<string> SignAsync(string guild, string user, bool named, bool duplicate)
    {
        var times = duplicate ? 2 : 1;
        var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, user, "sign"), times);
        var prompt = await ReplyAsync(id, "prompt");
        if (Text(prompt).Contains("already signed", StringComparison.OrdinalIgnoreCase))
        {
            return "already";
        }

        var eligibility = Token(prompt, "r0");
        if (eligibility is null)
        {
            return "lost";
        }

        id = await server.SendInteractionAsync(FakeDiscordInteractions.Button(server, guild, user, eligibility), times);
        var naming = Token(await ReplyAsync(id, "naming"), named ? "named" : "counted");
        if (naming is null)
        {
            return "lost";
        }

        id = await server.SendInteractionAsync(FakeDiscordInteractions.Button(server, guild, user, naming), times);
        var modal = await ReplyAsync(id, "modal");
        var form = modal["custom_id"]?.GetValue<string>();
        if (form is null || !form.StartsWith("sgf:", StringComparison.Ordinal))
        {
            return "lost";
        }

        var fields = SlackHost.Form("Discord Signer " + user[^4..], "School " + guild[^1..]);
        if (!named)
        {
            fields.Remove("name");
        }

        id = await server.SendInteractionAsync(FakeDiscordInteractions.ModalSubmit(server, guild, user, form, fields), times);
        var confirm = await ReplyAsync(id, "confirm");
        if (Token(confirm, "sother") is { } other)
        {
            id = await server.SendInteractionAsync(FakeDiscordInteractions.Button(server, guild, user, other), times);
            confirm = await ReplyAsync(id, "confirm");
        }

        var choice = Token(confirm, "sign");
        if (choice is null)
        {
            return "lost";
        }

        id = await server.SendInteractionAsync(FakeDiscordInteractions.Button(server, guild, user, choice), times);
        var done = Text(await ReplyAsync(id, "done"));
        return done.Contains("Signed — you are", StringComparison.Ordinal) ? "signed"
            : done.Contains("already signed", StringComparison.OrdinalIgnoreCase) ? "already" : "lost";
    }

    /// <summary>The reply to one interaction: the callback's data (message or modal), or for a deferred callback the
    /// webhook edit/follow-up that carried the message.</summary>
    private async Task<JsonObject> ReplyAsync(string interactionId, string step = "reply")
    {
        JsonObject? found = null;
        var token = "interaction-token-" + interactionId;
        try
        {
            await WaitForReplyAsync();
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", server.Requests.Where(r => r.Path.Contains(interactionId, StringComparison.Ordinal) || r.Path.Contains(token, StringComparison.Ordinal))
                .Select(r => $"{r.Method} {r.Path.Split('/')[0]} {r.Status} type {r.Json?["type"]}"));
            throw new TimeoutException($"no reply to interaction {interactionId} ({step}); the bot sent [{seen}]; gateway connections {server.ConnectionCount}");
        }

        return found!;

        Task WaitForReplyAsync() => FakeDiscordServer.WaitUntilAsync(() =>
        {
            var callback = server.CallbacksFor(interactionId).FirstOrDefault(r => r.Status == 204);
            if (callback?.Json is not JsonObject json)
            {
                return false;
            }

            var type = json["type"]?.GetValue<int>();
            if (type is 4 or 7 or 9)
            {
                found = json["data"] as JsonObject ?? [];
                return true;
            }

            var hook = server.Requests.FirstOrDefault(r => r.Status == 200 && r.Path.StartsWith("webhooks/", StringComparison.Ordinal) && r.Path.Contains(token, StringComparison.Ordinal));
            found = hook?.Json as JsonObject;
            return found is not null;
        }, "a reply to interaction " + interactionId, StepTimeout);
    }

    private static string Text(JsonObject data) => string.Join("\n", SlackHost.Strings(data));

    private static string? Token(JsonObject data, string suffix) =>
        SlackHost.Strings(data).FirstOrDefault(s => s.StartsWith("sg:", StringComparison.Ordinal) && s.EndsWith(":" + suffix, StringComparison.Ordinal));
}
