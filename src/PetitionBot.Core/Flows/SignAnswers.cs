using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>What a signer has answered so far in /sign: the typed state the flow's steps read and change. It is kept in the
/// draft's encrypted values under the names of <see cref="SignKeys"/> (<see cref="SignState"/> reads and writes it there).</summary>
public sealed record SignAnswers
{
    public string? Role { get; init; }

    /// <summary>How the signature will count when signed without a code (self-attested, or by the server's role).</summary>
    public Verification? Verification { get; init; }

    /// <summary>Null until chosen (the form then asks for the name).</summary>
    public SignNaming? Naming { get; init; }

    public string? Name { get; init; }

    /// <summary>The school as shown and stored: the directory name, or the typed text for "Other".</summary>
    public string? School { get; init; }

    /// <summary>The directory id, <see cref="Schools.School.OtherId"/>, or null while the school is not settled.</summary>
    public string? SchoolId { get; init; }

    /// <summary>Directory ids offered when the typed school was ambiguous or unknown.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    public string? Stage { get; init; }

    public bool IsNamed => Naming != SignNaming.Counted;

    /// <summary>The answers kept in <paramref name="values"/> (missing or unreadable ones are null).</summary>
    public static SignAnswers From(IReadOnlyDictionary<string, string> values) => new()
    {
        Role = values.GetValueOrDefault(SignKeys.Role),
        Verification = Enum.TryParse<Verification>(values.GetValueOrDefault(SignKeys.Verification), out var v) ? v : null,
        Naming = values.GetValueOrDefault(SignKeys.Naming) switch { "named" => SignNaming.Named, "counted" => SignNaming.Counted, _ => null },
        Name = values.GetValueOrDefault(SignKeys.Name),
        School = values.GetValueOrDefault(SignKeys.School),
        SchoolId = values.GetValueOrDefault(SignKeys.SchoolId),
        Candidates = (values.GetValueOrDefault(SignKeys.Candidates) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        Stage = values.GetValueOrDefault(SignKeys.Stage),
    };

    /// <summary><paramref name="values"/> with these answers in place of the ones there; other entries (a pending email
    /// code) are kept.</summary>
    public Dictionary<string, string> Into(IReadOnlyDictionary<string, string> values)
    {
        var into = new Dictionary<string, string>(values);
        Put(into, SignKeys.Role, Role);
        Put(into, SignKeys.Verification, Verification?.ToString());
        Put(into, SignKeys.Naming, Naming switch { SignNaming.Named => "named", SignNaming.Counted => "counted", _ => null });
        Put(into, SignKeys.Name, Name);
        Put(into, SignKeys.School, School);
        Put(into, SignKeys.SchoolId, SchoolId);
        Put(into, SignKeys.Candidates, Candidates.Count > 0 ? string.Join(",", Candidates) : null);
        Put(into, SignKeys.Stage, Stage);
        return into;
    }

    private static void Put(Dictionary<string, string> values, string key, string? value)
    {
        if (value is null)
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }
    }
}
