namespace PetitionBot.Slack.Api;

/// <summary>A chosen option of a select (<c>selected_option</c>): its value is what the app set.</summary>
internal sealed record SelectedOption
{
    public string? Value { get; init; }
}
