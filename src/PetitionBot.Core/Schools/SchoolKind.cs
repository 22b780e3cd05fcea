namespace PetitionBot.Core.Schools;

/// <summary>The degree a school grants.</summary>
public enum SchoolKind
{
    /// <summary>Allopathic (LCME-accredited).</summary>
    MD = 0,

    /// <summary>Osteopathic (COCA-accredited).</summary>
    DO = 1,
}
