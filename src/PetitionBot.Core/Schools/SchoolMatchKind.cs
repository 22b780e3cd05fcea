namespace PetitionBot.Core.Schools;

/// <summary>How a typed school name resolved against the directory.</summary>
public enum SchoolMatchKind
{
    /// <summary>Exactly one school: <see cref="SchoolMatch.School"/>.</summary>
    Found = 0,

    /// <summary>Several schools fit equally well: the signer picks one of <see cref="SchoolMatch.Candidates"/>.</summary>
    Ambiguous = 1,

    /// <summary>No school fits; <see cref="SchoolMatch.Candidates"/> are the closest ones (possibly none), and "Other" keeps the text.</summary>
    Unknown = 2,
}
