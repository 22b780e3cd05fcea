namespace PetitionBot.Core.Storage;

/// <summary>How eligibility was established.</summary>
public enum Verification
{
    SelfAttested = 0,

    /// <summary>The member held the server's verified role when signing.</summary>
    RoleVerified = 1,

    /// <summary>The signer proved an address at an institutional mail domain of their school (or of the campaign).</summary>
    SchoolEmail = 2,
}
