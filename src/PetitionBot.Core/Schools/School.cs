namespace PetitionBot.Core.Schools;

/// <summary>A medical school of the directory (an LCME-accredited MD school or a COCA-accredited DO school), or one an
/// organizer added in configuration. <paramref name="Id"/> is the canonical key every signature, total and export uses.
/// <paramref name="EmailDomains"/> are the institutional mail domains that prove membership (empty when unknown).</summary>
public sealed record School(
    string Id,
    string Name,
    SchoolKind Kind,
    string State,
    IReadOnlyList<string> EmailDomains,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The id of every school the directory does not know; the typed text is kept beside it for organizers.</summary>
    public const string OtherId = "other";
}
