using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Fallbacks;

/// <summary>Used only when the host registers no school directory: it knows no school, so every school stays as typed
/// ("Other") and the sign flow asks nothing about it.</summary>
public sealed class NoSchoolDirectory : ISchoolDirectory
{
    public IReadOnlyList<School> All => [];

    public School? Find(string id) => null;

    public SchoolMatch Resolve(string typed) => new(SchoolMatchKind.Unknown, null, []);

    public IReadOnlyList<School> Suggest(string query, int max = 25) => [];
}
