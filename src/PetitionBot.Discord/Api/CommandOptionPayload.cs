namespace PetitionBot.Discord.Api;

/// <summary>An application command option (3 STRING, 5 BOOLEAN, 7 CHANNEL, 8 ROLE); <see cref="Autocomplete"/> on a
/// STRING option makes Discord send APPLICATION_COMMAND_AUTOCOMPLETE interactions (type 4) as the person types.</summary>
internal sealed record CommandOptionPayload(int Type, string Name, string Description, bool Required, int? MaxLength = null, IReadOnlyList<int>? ChannelTypes = null,
    IReadOnlyList<CommandChoicePayload>? Choices = null, bool? Autocomplete = null);
