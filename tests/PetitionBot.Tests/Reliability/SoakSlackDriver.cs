using PetitionBot.Fakes.Slack;
using PetitionBot.Tests.Slack;

namespace PetitionBot.Tests.Reliability;

/// <summary>Drives a Slack user through the sign flow. An envelope whose ack never came (the socket dropped) is
/// redelivered with the same envelope_id, as Slack does; <paramref name="duplicate"/> redelivers each step once more.</summary>
internal sealed class SoakSlackDriver(FakeSlackServer slack, Action redelivered)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public async Task SetupAsync(string team, string channel)
    {
        var skip = slack.MessagesFor(team, "U0ADMIN").Count;
        await slack.SendSlashCommandAsync(team, "U0ADMIN", "/setup", $"channel:<#{channel}|announcements>");
        await NextAsync(team, "U0ADMIN", skip, _ => true);
    }

    public async Task<string> PetitionAsync(string team, string user)
    {
        var skip = slack.MessagesFor(team, user).Count;
        await slack.SendSlashCommandAsync(team, user, "/petition");
        return (await NextAsync(team, user, skip, _ => true)).AllText;
    }

    public async Task<string> ProbeAsync(string team, string user)
    {
        var skip = slack.MessagesFor(team, user).Count;
        await slack.SendSlashCommandAsync(team, user, "/sign");
        var reply = await NextAsync(team, user, skip, _ => true);
        return reply.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase) ? "already" : "not signed";
    }

    public async Task<string> SignAsync(string team, string user, bool named, bool duplicate)
    {
        var skip = slack.MessagesFor(team, user).Count;
        await DeliverAsync(id => slack.SendSlashCommandAsync(team, user, "/sign", envelopeId: id), duplicate);
        var prompt = await NextAsync(team, user, skip, m => SlackHost.ButtonToken(m, "r0") is not null || m.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase), "prompt");
        if (prompt.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase))
        {
            return "already";
        }

        skip = slack.MessagesFor(team, user).Count;
        await DeliverAsync(id => slack.SendBlockActionAsync(team, user, SlackHost.ButtonToken(prompt, "r0")!, envelopeId: id), duplicate);
        var naming = await NextAsync(team, user, skip, m => SlackHost.ButtonToken(m, "named") is not null, "naming");
        var views = slack.Views.Count(v => v.UserId == user && v.TeamId == team);
        skip = slack.MessagesFor(team, user).Count;
        await DeliverAsync(id => slack.SendBlockActionAsync(team, user, SlackHost.ButtonToken(naming, named ? "named" : "counted")!, envelopeId: id), duplicate);
        FakeSlackView? view = null;
        try
        {
            await FakeSlackServer.WaitUntilAsync(() => (view = slack.Views.Where(v => v.UserId == user && v.TeamId == team).Skip(views)
                .FirstOrDefault(v => v.View["callback_id"]?.GetValue<string>()?.StartsWith("sgf:", StringComparison.Ordinal) == true)) is not null
                || slack.MessagesFor(team, user).Skip(skip).Any(m => m.Text.Contains("open a form", StringComparison.Ordinal)), StepTimeout);
        }
        catch (TimeoutException)
        {
            return "timeout: no form and no message after the role button";
        }
        if (view is null)
        {
            return "lost: no form opened";
        }

        skip = slack.MessagesFor(team, user).Count;
        var callback = view.View["callback_id"]!.GetValue<string>();
        var metadata = view.View["private_metadata"]?.GetValue<string>() ?? "";
        var fields = SlackHost.Form("Slack Signer " + user, "School " + team);
        if (!named)
        {
            fields.Remove("name");
        }

        var ack = await DeliverAsync(id => slack.SendViewSubmissionAsync(team, user, callback, fields, metadata, id), duplicate);
        var confirm = await NextAsync(team, user, skip, m => SlackHost.ButtonToken(m, "sign") is not null || SlackHost.ButtonToken(m, "sother") is not null,
            "confirm (form ack: " + ack?.Payload?.ToJsonString() + ")");
        if (SlackHost.ButtonToken(confirm, "sother") is { } other)
        {
            skip = slack.MessagesFor(team, user).Count;
            await DeliverAsync(id => slack.SendBlockActionAsync(team, user, other, channelId: metadata.Length > 0 ? metadata : "C0GENERAL", envelopeId: id), duplicate);
            confirm = await NextAsync(team, user, skip, m => SlackHost.ButtonToken(m, "sign") is not null, "confirm after Other");
        }

        skip = slack.MessagesFor(team, user).Count;
        await DeliverAsync(id => slack.SendBlockActionAsync(team, user, SlackHost.ButtonToken(confirm, "sign")!, channelId: metadata.Length > 0 ? metadata : "C0GENERAL", envelopeId: id), duplicate);
        var done = await NextAsync(team, user, skip, m => SlackHost.IsSigned(m) || m.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase), "done");
        return SlackHost.IsSigned(done) ? "signed" : "already";
    }

    private async Task<FakeSlackAck?> DeliverAsync(Func<string, Task<FakeSlackAck>> send, bool duplicate)
    {
        var id = Guid.NewGuid().ToString();
        FakeSlackAck ack;
        try
        {
            ack = await send(id);
        }
        catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // No ack (the socket went away): Slack redelivers the same envelope on a live connection.
            redelivered();
            await RedeliverUntilAckedAsync(id);
            return null;
        }

        if (duplicate)
        {
            await RedeliverUntilAckedAsync(id);
        }

        return ack;
    }

    private async Task RedeliverUntilAckedAsync(string id)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await slack.RedeliverAsync(id);
                return;
            }
            catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                redelivered();
            }
        }
    }

    private async Task<FakeSlackMessage> NextAsync(string team, string user, int skip, Func<FakeSlackMessage, bool> predicate, string step = "reply")
    {
        FakeSlackMessage? found = null;
        try
        {
            await FakeSlackServer.WaitUntilAsync(() => (found = slack.MessagesFor(team, user).Skip(skip).FirstOrDefault(predicate)) is not null, StepTimeout);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(" | ", slack.MessagesFor(team, user).Skip(skip).Select(m => m.Kind + ":" + m.Text[..Math.Min(40, m.Text.Length)].ReplaceLineEndings(" ")));
            throw new TimeoutException($"slack step '{step}' got no matching message; after skip {skip} saw [{seen}]");
        }

        return found!;
    }
}
