namespace PetitionBot.Core.Flows;

/// <summary>The sign flow's draft name, and the keys its answers are stored under (encrypted; read and written only through
/// <see cref="SignAnswers"/>). Name, School and Stage are also the form's field ids.</summary>
public static class SignKeys
{
    public const string FlowName = "sign";

    public const string Role = "role";
    public const string Verification = "verification";

    /// <summary>"named" or "counted", chosen before the form so a counted-only signer is never asked for a name.</summary>
    public const string Naming = "naming";
    public const string Name = "name";

    /// <summary>The school as shown and stored: the directory name, or the typed text for "Other".</summary>
    public const string School = "school";
    public const string SchoolId = "schoolId";

    /// <summary>Directory ids offered when the typed school was ambiguous or unknown, comma-separated.</summary>
    public const string Candidates = "candidates";
    public const string Stage = "stage";
}
