namespace PetitionBot.Core.Interactions;

/// <summary>A command of PetitionBot, the same on every platform.</summary>
/// <param name="Name">Lowercase name without slash.</param>
/// <param name="Description">≤ 100 characters.</param>
/// <param name="Options">Its options.</param>
/// <param name="AdminOnlyByDefault">Hide from non-admins by default (Discord default_member_permissions = Manage Server);
/// the core still checks every caller.</param>
/// <param name="MayBeSlow">The answer may take longer than the platform's 3-second deadline (charts, exports):
/// adapters acknowledge/defer first, then deliver.</param>
/// <param name="OpensForm">The first reply is a form (a modal must be the first response on Discord).</param>
public sealed record CommandSpec(
    string Name,
    string Description,
    IReadOnlyList<CommandOption> Options,
    bool AdminOnlyByDefault = false,
    bool MayBeSlow = false,
    bool OpensForm = false);
