namespace PetitionBot.Slack.Api;

/// <summary>The state of one input element: text inputs carry <c>value</c>, single selects <c>selected_option</c>,
/// multi selects and checkboxes <c>selected_options</c>. One record reads every element type (the members are named
/// the same whatever the type), so an element type this adapter does not render still parses.</summary>
internal sealed record StateValue
{
    public string? Type { get; init; }

    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }
}
