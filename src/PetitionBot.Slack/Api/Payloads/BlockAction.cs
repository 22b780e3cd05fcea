namespace PetitionBot.Slack.Api;

/// <summary>One entry of block_actions' <c>actions</c>. Every element type names its choice in the same members
/// (<c>value</c>, <c>selected_option</c>, <c>selected_options</c>), so one record reads them all, including element
/// types this adapter never renders; <see cref="Type"/> says which element it was.</summary>
internal sealed record BlockAction
{
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }
}
