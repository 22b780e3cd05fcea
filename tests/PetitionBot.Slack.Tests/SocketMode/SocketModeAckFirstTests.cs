using PetitionBot.Core.Interactions;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.SocketMode;

/// <summary>Slack's 3-second rule under load: the read loop acknowledges an envelope whose ack carries no answer before
/// any handler runs, so acks never wait for handlers' work (issue 16 §5).</summary>
public sealed class SocketModeAckFirstTests
{
    [Fact]
    public async Task SlashCommand_EveryWorkerHeldByAGate_AckedBeforeTheHandlersWorkFinishes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await SlackAdapterHarness.StartAsync(settings: new() { ["Slack:Workers"] = "1" });
        h.Bot.Handler = async (_, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return Reply.Private("done");
        };
        await h.Slack.WaitForConnectionAsync();
        h.Slack.AckTimeout = TimeSpan.FromSeconds(3);

        // The first command holds the only worker at the gate; the next two are acknowledged all the same.
        var acks = new List<FakeSlackAck>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                acks.Add(await h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/petition", "totals"));
            }

            Assert.False(gate.Task.IsCompleted);
        }
        finally
        {
            gate.TrySetResult(); // never leave the worker held: the harness drains on dispose
        }

        Assert.Equal(3, acks.Select(a => a.EnvelopeId).Distinct().Count());
        Assert.All(acks, a => Assert.Null(a.Payload));
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 3);
    }
}
