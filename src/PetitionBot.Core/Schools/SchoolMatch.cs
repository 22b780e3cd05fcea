namespace PetitionBot.Core.Schools;

/// <summary>The result of <see cref="Ports.ISchoolDirectory.Resolve"/>.</summary>
public sealed record SchoolMatch(SchoolMatchKind Kind, School? School, IReadOnlyList<School> Candidates)
{
    public static SchoolMatch Found(School school) => new(SchoolMatchKind.Found, school, []);
}
