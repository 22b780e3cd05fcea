namespace PetitionBot.Discord.Api;

/// <summary>A slash command for the bulk overwrite PUT.</summary>
internal sealed record CommandPayload(
    string Name,
    string Description,
    int Type,
    IReadOnlyList<CommandOptionPayload> Options,
    string? DefaultMemberPermissions,
    IReadOnlyList<int> Contexts,
    IReadOnlyList<int> IntegrationTypes);
