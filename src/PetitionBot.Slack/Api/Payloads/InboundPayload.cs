namespace PetitionBot.Slack.Api;

/// <summary>The payload of one thing Slack sent, whichever transport brought it. <see cref="TriggerId"/> is unique per
/// user action (a second key for duplicates); events have none.</summary>
internal abstract record InboundPayload
{
    public string? TriggerId { get; init; }
}
