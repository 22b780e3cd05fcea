using PetitionBot.Core.Model;

namespace PetitionBot.Core.Interactions;

/// <summary>A button pressed or a select option picked. <paramref name="Token"/> is exactly the
/// <see cref="Choice.Token"/> (or <see cref="Menu.Token"/>) the core handed out; <paramref name="Values"/> holds the
/// picked values of a select menu (empty for a button).</summary>
public sealed record ChoiceInput(
    Actor Actor,
    string? ChannelId,
    string Token,
    IReadOnlyList<string> Values) : BotInput(Actor, ChannelId)
{
    public static ChoiceInput Button(Actor actor, string? channelId, string token) => new(actor, channelId, token, []);
}
