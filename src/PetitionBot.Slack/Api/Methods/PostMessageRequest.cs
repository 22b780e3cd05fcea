namespace PetitionBot.Slack.Api;

/// <summary>chat.postMessage: <paramref name="Text"/> is the notification fallback (escaped), links never unfurl.</summary>
internal sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks)
{
    public bool UnfurlLinks => false;

    public bool UnfurlMedia => false;
}
