namespace PetitionBot.Core.Interactions;

/// <summary>How a choice should look: Discord button styles and Slack button styles map onto these.</summary>
public enum ChoiceStyle
{
    Secondary = 0,
    Primary = 1,
    Success = 2,
    Danger = 3,

    /// <summary>Opens <see cref="Choice.Url"/>; no interaction comes back.</summary>
    Link = 4,
}
