namespace PetitionBot.Core.Email;

/// <summary>Why a code is mailed: the message says it, so a person who asked to withdraw is not told they are signing.</summary>
public enum VerificationPurpose
{
    /// <summary>To sign the petition as a verified student or resident.</summary>
    Sign,

    /// <summary>To withdraw a signature made with the address (<c>/unsign</c> from another account).</summary>
    Unsign,

    /// <summary>To see the signatures made with the address (<c>/mydata</c> from another account).</summary>
    MyData,
}
