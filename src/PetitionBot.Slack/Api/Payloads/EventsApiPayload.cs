namespace PetitionBot.Slack.Api;

/// <summary>An Events API body: <c>event_callback</c> with its <see cref="Event"/>, or (HTTP mode only)
/// <c>url_verification</c> with a <see cref="Challenge"/> to echo.</summary>
internal sealed record EventsApiPayload : InboundPayload
{
    public const string UrlVerification = "url_verification";

    public string? Type { get; init; }

    public string? TeamId { get; init; }

    public string? EventId { get; init; }

    public string? Challenge { get; init; }

    public EventBody? Event { get; init; }
}
