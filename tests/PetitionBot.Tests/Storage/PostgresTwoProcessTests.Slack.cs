using System.Collections.Concurrent;
using PetitionBot.Fakes.Slack;
using PetitionBot.Tests.Slack;

namespace PetitionBot.Tests.Storage;

/// <summary>The Slack side of the two-process test: each process keeps its own Socket Mode connection; a person's
/// envelopes go to the open connections in turn (so one sign flow crosses both processes), some final clicks go to both
/// connections at once (the same envelope id, as Slack does when it retries), and an envelope whose connection died
/// (the killed process) is delivered again on another one, as Slack redelivers an unacknowledged envelope.</summary>
public sealed partial class PostgresTwoProcessTests
{
    private const string Team = "T0TWOPROC";
    private const string SlackAdmin = "U0ADMIN";
    private const string SlackChannel = "C0ANNOUNCE";
    private static readonly TimeSpan SlackStep = TimeSpan.FromSeconds(8);

    private static string SlackSignerId(int i) => $"U0SIGN{i:D4}";

    /// <summary>What the Slack flows saw: who was sent the final click, who saw "Signed", and how often each person did.</summary>
    private sealed class SlackOutcomes
    {
        public ConcurrentDictionary<string, bool> Confirmed { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> SawSigned { get; } = new(StringComparer.Ordinal);

        public int DeliveredTwice;

        public int Redelivered;
    }

    /// <summary>The fake Slack with the workspace, its admin and <paramref name="signers"/> members; a delivery waits 3 s for its ack.</summary>
    private static async Task<FakeSlackServer> StartSlackAsync(int signers)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AckTimeout = TimeSpan.FromSeconds(3);
        var team = slack.AddTeam(Team);
        team.AddUser(SlackAdmin, isAdmin: true);
        for (var i = 0; i < signers; i++)
        {
            team.AddUser(SlackSignerId(i));
        }

        return slack;
    }

    /// <summary>/setup of the workspace's announcement channel by its admin (any connection).</summary>
    private static async Task SlackSetupAsync(FakeSlackServer slack)
    {
        var skip = slack.MessagesFor(Team, SlackAdmin).Count;
        await slack.SendSlashCommandAsync(Team, SlackAdmin, "/setup", $"channel:<#{SlackChannel}|announcements>");
        await FakeSlackServer.WaitUntilAsync(() => slack.MessagesFor(Team, SlackAdmin).Count > skip, SlackStep);
    }

    /// <summary>One Slack sign flow; true when the person saw "Signed". <paramref name="both"/>: the final click goes to
    /// both connections at once.</summary>
    private static async Task<bool> SlackSignAsync(FakeSlackServer slack, int i, bool both, SlackOutcomes outcomes)
    {
        var user = SlackSignerId(i);
        var step = i;
        FakeSlackConnection Next() => Open(slack)[step++ % Open(slack).Count];
        try
        {
            var skip = slack.MessagesFor(Team, user).Count;
            await DeliverAsync(slack, id => slack.SendSlashCommandAsync(Team, user, "/sign", envelopeId: id, via: Next()), outcomes);
            var prompt = await NextAsync(slack, user, skip, m => SlackHost.ButtonToken(m, "r0") is not null);
            skip = slack.MessagesFor(Team, user).Count;
            await DeliverAsync(slack, id => slack.SendBlockActionAsync(Team, user, SlackHost.ButtonToken(prompt, "r0")!, envelopeId: id, via: Next()), outcomes);
            var naming = await NextAsync(slack, user, skip, m => SlackHost.ButtonToken(m, "named") is not null);
            var views = slack.Views.Count;
            await DeliverAsync(slack, id => slack.SendBlockActionAsync(Team, user, SlackHost.ButtonToken(naming, "named")!, envelopeId: id, via: Next()), outcomes);
            FakeSlackView? view = null;
            await FakeSlackServer.WaitUntilAsync(() => (view = slack.Views.Skip(views).FirstOrDefault(v => v.TeamId == Team && v.UserId == user
                && v.View["callback_id"]?.GetValue<string>() is { } c && c.StartsWith("sgf:", StringComparison.Ordinal))) is not null, SlackStep);
            var callback = view!.View["callback_id"]!.GetValue<string>();
            var metadata = view.View["private_metadata"]?.GetValue<string>() ?? "";
            var channel = metadata.Length > 0 ? metadata : "C0GENERAL";
            skip = slack.MessagesFor(Team, user).Count;
            await DeliverAsync(slack, id => slack.SendViewSubmissionAsync(Team, user, callback, SlackHost.Form($"Slack Signer{i}", $"School {i % 3}"), metadata,
                envelopeId: id, via: Next()), outcomes);
            var confirm = await NextAsync(slack, user, skip, m => SlackHost.ButtonToken(m, "sign") is not null || SlackHost.ButtonToken(m, "sother") is not null);
            if (SlackHost.ButtonToken(confirm, "sother") is { } other)
            {
                skip = slack.MessagesFor(Team, user).Count;
                await DeliverAsync(slack, id => slack.SendBlockActionAsync(Team, user, other, channelId: channel, envelopeId: id, via: Next()), outcomes);
                confirm = await NextAsync(slack, user, skip, m => SlackHost.ButtonToken(m, "sign") is not null);
            }

            skip = slack.MessagesFor(Team, user).Count;
            var sign = SlackHost.ButtonToken(confirm, "sign")!;
            outcomes.Confirmed[user] = true;
            if (both && Open(slack) is { Count: > 1 } open)
            {
                // The same envelope to both processes at once: one of them handles it, the other only acknowledges.
                var id = Guid.NewGuid().ToString();
                var first = slack.SendBlockActionAsync(Team, user, sign, channelId: channel, envelopeId: id, via: open[0]);
                var second = slack.RedeliverAsync(id, via: open[1]);
                await Task.WhenAll(Quietly(first), Quietly(second));
                Interlocked.Increment(ref outcomes.DeliveredTwice);
            }
            else
            {
                await DeliverAsync(slack, id => slack.SendBlockActionAsync(Team, user, sign, channelId: channel, envelopeId: id, via: Next()), outcomes);
            }

            await NextAsync(slack, user, skip, SlackHost.IsSigned);
            outcomes.SawSigned[user] = true;
            return true;
        }
        catch (TimeoutException)
        {
            // A step this person took was handled by the killed process, which died before answering.
            return false;
        }
    }

    private static IReadOnlyList<FakeSlackConnection> Open(FakeSlackServer slack) =>
        [.. slack.Connections.Where(c => c.IsOpen && c.HelloAt is not null)];

    /// <summary>Sends an envelope; when its connection is gone or it is not acknowledged, sends it again (same id) on an
    /// open connection, as Slack redelivers.</summary>
    private static async Task DeliverAsync(FakeSlackServer slack, Func<string, Task<FakeSlackAck>> send, SlackOutcomes outcomes)
    {
        var id = Guid.NewGuid().ToString();
        try
        {
            await send(id);
            return;
        }
        catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            Interlocked.Increment(ref outcomes.Redelivered);
        }

        await FakeSlackServer.WaitUntilAsync(() => Open(slack).Count > 0, SlackStep);
        await slack.RedeliverAsync(id, via: Open(slack)[^1]);
    }

    private static async Task Quietly(Task<FakeSlackAck> delivery)
    {
        try
        {
            await delivery;
        }
        catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // One of the two connections may be the killed process's; the other delivery is the one that counts.
        }
    }

    private static async Task<FakeSlackMessage> NextAsync(FakeSlackServer slack, string user, int skip, Func<FakeSlackMessage, bool> predicate)
    {
        FakeSlackMessage? found = null;
        await FakeSlackServer.WaitUntilAsync(() => (found = slack.MessagesFor(Team, user).Skip(skip).FirstOrDefault(predicate)) is not null, SlackStep);
        return found!;
    }
}
