using System.Text.Json;
using PetitionBot.Slack.Api;
using PetitionBot.Slack.Envelopes;
using PetitionBot.Slack.SocketMode;

namespace PetitionBot.Slack.Tests.Api;

/// <summary>Socket Mode text messages read into records (shapes from Slack's "Using Socket Mode" page).</summary>
public sealed class SocketModeMessagesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_SlashCommandEnvelopeTypeAfterPayload_TypedPayload()
    {
        // As in Slack's documentation, "type" comes after "payload".
        const string text = """
            {"payload":{"token":"t","team_id":"T1","team_domain":"d","channel_id":"C1","channel_name":"general","user_id":"U1",
            "user_name":"u","command":"/sign","text":"ama2025","response_url":"https://hooks.slack.com/commands/T1/1/x",
            "trigger_id":"1.2.3"},"envelope_id":"e-1","type":"slash_commands","accepts_response_payload":true}
            """;

        var envelope = SocketModeMessages.ToEnvelope(SocketModeMessages.Read(text)!, At)!;

        Assert.Equal(("e-1", SlackEnvelope.SlashCommands, true, 0, At), (envelope.Id, envelope.Type, envelope.AcceptsResponsePayload, envelope.RetryAttempt, envelope.ReceivedAt));
        var command = Assert.IsType<SlashCommandPayload>(envelope.Payload);
        Assert.Equal(("T1", "C1", "U1", "/sign", "ama2025"), (command.TeamId, command.ChannelId, command.UserId, command.Command, command.Text));
        Assert.Equal("1.2.3", envelope.TriggerId);
    }

    [Fact]
    public void Read_Hello_NumConnections()
    {
        var hello = Assert.IsType<HelloMessage>(SocketModeMessages.Read("""{"type":"hello","num_connections":2,"debug_info":{"host":"h"},"connection_info":{"app_id":"A1"}}"""));
        var bare = Assert.IsType<HelloMessage>(SocketModeMessages.Read("""{"type":"hello"}"""));

        Assert.Equal(2, hello.NumConnections);
        Assert.Null(bare.NumConnections);
        Assert.Null(SocketModeMessages.ToEnvelope(hello, At));
    }

    [Fact]
    public void Read_Disconnect_Reason()
    {
        var message = SocketModeMessages.Read("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"h"}}""");

        Assert.Equal("refresh_requested", Assert.IsType<DisconnectMessage>(message).Reason);
    }

    [Fact]
    public void Read_RedeliveredEnvelope_RetryFactsKept()
    {
        var message = SocketModeMessages.Read("""{"envelope_id":"e-2","type":"events_api","retry_attempt":2,"retry_reason":"timeout","payload":{"team_id":"T1","event":{"type":"app_uninstalled"}}}""");

        var envelope = SocketModeMessages.ToEnvelope(message!, At)!;

        Assert.Equal((2, "timeout", false), (envelope.RetryAttempt, envelope.RetryReason, envelope.AcceptsResponsePayload));
        var events = Assert.IsType<EventsApiPayload>(envelope.Payload);
        Assert.Equal(("T1", "app_uninstalled"), (events.TeamId, events.Event?.Type));
        Assert.Null(envelope.TriggerId);
    }

    [Fact]
    public void Read_UnknownEnvelopeType_EnvelopeWithoutPayload()
    {
        var envelope = SocketModeMessages.ToEnvelope(SocketModeMessages.Read("""{"envelope_id":"e-3","type":"some_future_type","payload":{"x":[1]}}""")!, At)!;

        Assert.Equal(("e-3", SocketModeMessages.UnknownType), (envelope.Id, envelope.Type));
        Assert.Null(envelope.Payload);
    }

    [Fact]
    public void Read_UnknownInteractiveType_BaseInteractivePayload()
    {
        var envelope = SocketModeMessages.ToEnvelope(SocketModeMessages.Read(
            """{"envelope_id":"e-4","type":"interactive","payload":{"type":"shortcut","callback_id":"x","trigger_id":"9.9","user":{"id":"U1","team_id":"T1"}}}""")!, At)!;

        var payload = Assert.IsType<InteractivePayload>(envelope.Payload);
        Assert.Equal(typeof(InteractivePayload), payload.GetType());
        Assert.Equal(("T1", "U1", "9.9"), (payload.TeamId, payload.User?.Id, envelope.TriggerId));
    }

    [Fact]
    public void Read_PayloadWithUndocumentedShape_BareEnvelopeStillAcknowledgeable()
    {
        // "actions" must be an array: the payload cannot be read, the envelope id still can.
        var message = SocketModeMessages.Read("""{"envelope_id":"e-5","type":"interactive","payload":{"type":"block_actions","actions":{"oops":true}}}""");

        var envelope = SocketModeMessages.ToEnvelope(message!, At)!;

        Assert.Equal("e-5", envelope.Id);
        Assert.Null(envelope.Payload);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"hello","num_connections":"two"}""")]
    public void Read_Unreadable_JsonException(string text) =>
        Assert.ThrowsAny<JsonException>(() => SocketModeMessages.Read(text));

    [Fact]
    public void Read_NoEnvelopeId_NoEnvelope()
    {
        var message = SocketModeMessages.Read("""{"type":"slash_commands","payload":{"team_id":"T1"}}""");

        Assert.Null(SocketModeMessages.ToEnvelope(message!, At));
    }
}
