namespace PetitionBot.Slack.Api;

/// <summary>The envelope of every Web API answer: <c>ok</c>, and <c>error</c> when it is false. Methods whose answer
/// the adapter reads derive from it.</summary>
internal record SlackApiBody
{
    public bool Ok { get; init; }

    public string? Error { get; init; }
}
