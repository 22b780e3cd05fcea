using PetitionBot.Core.Model;

namespace PetitionBot.Core.Interactions;

/// <summary>A submitted form (Discord modal, Slack view). <paramref name="Token"/> is the <see cref="FormSpec.Token"/>;
/// <paramref name="Fields"/> maps <see cref="FormField.Id"/> to the submitted text.</summary>
public sealed record FormInput(
    Actor Actor,
    string? ChannelId,
    string Token,
    IReadOnlyDictionary<string, string> Fields) : BotInput(Actor, ChannelId);
