using PetitionBot.Core.Text;

namespace PetitionBot.Core.Schools;

/// <summary>The key a signature's school counts under: the school id, or for "Other" the typed text folded
/// (case, spacing) under an <c>other:</c> prefix, so every "Other" text keeps its own row for organizers.</summary>
public static class SchoolKeys
{
    public const string OtherPrefix = School.OtherId + ":";

    public static string For(string? schoolId, string? typed) =>
        schoolId is { Length: > 0 } id && id != School.OtherId
            ? id
            : OtherPrefix + InputRules.SchoolKey(typed ?? "");

    public static bool IsOther(string key) => key.StartsWith(OtherPrefix, StringComparison.Ordinal);
}
