namespace PetitionBot.Core.Flows;

/// <summary>The sign flow's draft: its flow name, steps and value keys (values are stored encrypted).</summary>
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

    public const string StepEligibility = "eligibility";
    public const string StepNaming = "naming";
    public const string StepForm = "form";
    public const string StepSchool = "school";
    public const string StepConfirm = "confirm";
    public const string StepCode = "code";

    public static bool IsNamed(IReadOnlyDictionary<string, string> values) => values.GetValueOrDefault(Naming) != "counted";
}
