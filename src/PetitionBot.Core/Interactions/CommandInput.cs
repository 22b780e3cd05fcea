using PetitionBot.Core.Model;

namespace PetitionBot.Core.Interactions;

/// <summary>A slash command: <c>/sign</c>, <c>/setup channel:#x</c>, … Option names are those of <see cref="CommandCatalog"/>;
/// values are plain strings (ids for channels and roles, "true"/"false" for booleans).</summary>
public sealed record CommandInput(
    Actor Actor,
    string? ChannelId,
    string Command,
    IReadOnlyDictionary<string, string> Options) : BotInput(Actor, ChannelId)
{
    public static CommandInput Create(Actor actor, string? channelId, string command, IReadOnlyDictionary<string, string>? options = null) =>
        new(actor, channelId, command, options ?? new Dictionary<string, string>());
}
