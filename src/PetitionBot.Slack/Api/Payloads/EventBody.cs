namespace PetitionBot.Slack.Api;

/// <summary>The inner <c>event</c> of an event_callback (app_uninstalled, tokens_revoked, …).</summary>
internal sealed record EventBody
{
    public string? Type { get; init; }
}
