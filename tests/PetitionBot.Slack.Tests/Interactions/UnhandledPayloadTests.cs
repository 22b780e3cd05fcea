using System.Text.Json.Nodes;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.Interactions;

/// <summary>Envelopes the adapter cannot or need not handle are still acknowledged once, with an empty payload, and
/// the core is not asked (otherwise Slack would deliver them again and again).</summary>
public sealed class UnhandledPayloadTests
{
    public static TheoryData<string, string> Unhandled => new()
    {
        // An interactivity type the adapter does not handle (a global shortcut).
        { "interactive", """{"type":"shortcut","callback_id":"x","trigger_id":"7.7.7","user":{"id":"U0STUDENT","team_id":"T0SCHOOL1"}}""" },
        // view_closed: the app never asks for it (notify_on_close is not set), so it is only acknowledged.
        { "interactive", """{"type":"view_closed","user":{"id":"U0STUDENT"},"team":{"id":"T0SCHOOL1"},"view":{"id":"V1","callback_id":"form:1"},"is_cleared":false}""" },
        // A payload that does not have the documented shape (actions must be an array).
        { "interactive", """{"type":"block_actions","user":{"id":"U0STUDENT"},"team":{"id":"T0SCHOOL1"},"actions":{"action_id":"a"}}""" },
        // An envelope type this adapter does not know.
        { "some_future_type", """{"anything":[1,2,3]}""" },
    };

    [Theory]
    [MemberData(nameof(Unhandled))]
    public async Task Envelope_UnhandledOrUnreadablePayload_AckedEmptyCoreNotAsked(string type, string payload)
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();

        var ack = await h.Slack.SendEnvelopeAsync(type, JsonNode.Parse(payload)!.AsObject());

        Assert.Null(ack.Payload);
        Assert.Empty(h.Bot.Inputs);
        Assert.Empty(h.Bot.Suggests);
    }
}
