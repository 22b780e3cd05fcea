namespace PetitionBot.Core.Email;

/// <summary>A campaign's <c>Verification</c> setting: <c>none</c>, <c>email</c>, <c>email-required</c>.</summary>
public enum VerificationMode
{
    /// <summary>No email step (self-attested or server role).</summary>
    None = 0,

    /// <summary>The email step is offered; a signer may skip it and sign self-attested.</summary>
    Email = 1,

    /// <summary>Only signers who prove an institutional address may sign.</summary>
    EmailRequired = 2,
}
