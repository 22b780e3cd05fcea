namespace PetitionBot.Core.Flows;

/// <summary>Where a saved /sign draft stands (stored by name in the draft, see <see cref="SignState"/>).</summary>
public enum SignStep
{
    /// <summary>Only a /sign school: option is saved; the role is still to be chosen.</summary>
    Eligibility,

    /// <summary>The role is chosen; named or counted only is next.</summary>
    Naming,

    /// <summary>The form is shown (or its answers had errors).</summary>
    Form,

    /// <summary>The typed school was not clear: the signer picks one of the candidates or "Other".</summary>
    School,

    /// <summary>The preview: sign, or verify by school email.</summary>
    Confirm,

    /// <summary>A code was mailed: the signer types it.</summary>
    Code,
}
