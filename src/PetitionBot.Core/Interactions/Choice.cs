namespace PetitionBot.Core.Interactions;

/// <summary>A button. <paramref name="Token"/> (at most <see cref="MaxTokenLength"/> characters, ASCII) is handed back
/// unchanged in <see cref="ChoiceInput.Token"/>; adapters use it as custom_id / action_id.
/// A <see cref="ChoiceStyle.Link"/> choice has a <paramref name="Url"/> and no token round trip.</summary>
public sealed record Choice(string Token, string Label, ChoiceStyle Style = ChoiceStyle.Secondary, string? Url = null)
{
    /// <summary>Discord custom_id allows 100; Slack action_id allows 255. Core tokens stay far below.</summary>
    public const int MaxTokenLength = 90;

    public static Choice Link(string label, string url) => new($"link:{label.GetHashCode(StringComparison.Ordinal):x8}", label, ChoiceStyle.Link, url);
}
