namespace PetitionBot.Slack.Api;

/// <summary><c>block_actions</c>: a button or select used in a message or view.</summary>
internal sealed record BlockActionsPayload : InteractivePayload
{
    public PayloadChannel? Channel { get; init; }

    public PayloadContainer? Container { get; init; }

    public string? ResponseUrl { get; init; }

    public IReadOnlyList<BlockAction>? Actions { get; init; }
}
