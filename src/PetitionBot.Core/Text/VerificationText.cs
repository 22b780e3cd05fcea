namespace PetitionBot.Core.Text;

/// <summary>How a verification method reads for organizers and recipients (totals, exports, the delivery packet).</summary>
public static class VerificationText
{
    /// <summary>"school email (ucsf.edu)", "server role", "self-attested".</summary>
    public static string Label(Verification method, string? emailDomain = null) => method switch
    {
        Verification.SchoolEmail => emailDomain is { Length: > 0 } ? $"school email ({emailDomain})" : "school email",
        Verification.RoleVerified => "server role",
        Verification.SelfAttested => "self-attested",
        _ => method.ToString().ToLowerInvariant(),
    };

    /// <summary>Every method, strongest first.</summary>
    public static IReadOnlyList<Verification> Methods { get; } = [Verification.SchoolEmail, Verification.RoleVerified, Verification.SelfAttested];
}
