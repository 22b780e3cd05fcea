using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Ports;

/// <summary>The school directory: the shipped list of US medical schools (or <c>Schools:File</c>) plus the <c>Schools</c>
/// entries of configuration. Lookups ignore case, punctuation and "School of Medicine"-style suffixes.</summary>
public interface ISchoolDirectory
{
    IReadOnlyList<School> All { get; }

    /// <summary>The school with this id, or null (also for <see cref="School.OtherId"/>).</summary>
    School? Find(string id);

    /// <summary>Resolves what a signer typed: a name, alias or abbreviation ("UCSF"), or a near miss (edit distance ≤ 2).</summary>
    SchoolMatch Resolve(string typed);

    /// <summary>Up to <paramref name="max"/> schools for a type-ahead list (Discord autocomplete, Slack external_select),
    /// best first; an empty query gives the first schools alphabetically.</summary>
    IReadOnlyList<School> Suggest(string query, int max = 25);
}
