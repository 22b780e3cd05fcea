namespace PetitionBot.Slack.Api;

/// <summary><c>block_suggestion</c>: an external_select asks for options matching what the person typed
/// (<see cref="Value"/>).</summary>
internal sealed record BlockSuggestionPayload : InteractivePayload
{
    public string? ActionId { get; init; }

    public string? Value { get; init; }
}
