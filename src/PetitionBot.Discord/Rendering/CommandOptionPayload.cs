namespace PetitionBot.Discord.Rendering;

/// <summary>An application command option (3 STRING, 5 BOOLEAN, 7 CHANNEL, 8 ROLE).</summary>
internal sealed record CommandOptionPayload(int Type, string Name, string Description, bool Required, int? MaxLength = null, IReadOnlyList<int>? ChannelTypes = null,
    IReadOnlyList<CommandChoicePayload>? Choices = null);
