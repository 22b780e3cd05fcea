namespace PetitionBot.Slack.Api;

/// <summary>The answer of views.open / views.update: the view, of which the adapter reads the id.</summary>
internal sealed record ViewResponse : SlackApiBody
{
    public ViewInfo? View { get; init; }
}
