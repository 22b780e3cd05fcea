using PetitionBot.Core.Model;

namespace PetitionBot.Core.Interactions;

/// <summary>A person typing into a picker: <paramref name="Field"/> is the option or form field name (e.g.
/// <see cref="CommandCatalog.SchoolOption"/>), <paramref name="Query"/> what they typed so far.</summary>
public sealed record SuggestInput(Actor Actor, string? ChannelId, string Field, string Query) : BotInput(Actor, ChannelId)
{
    /// <summary>Discord allows 25 autocomplete choices; Slack 100 options (we send the same 25).</summary>
    public const int Max = 25;
}
