using PetitionBot.Core.Interactions;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Schools;

/// <summary>A school value meaning "Other — keep this text": <c>other:</c> and the text. It is the last entry of a
/// school picker (so a school missing from the list can still be given where the picker only takes its own entries, as
/// Slack's <c>external_select</c> does), and what an organizer types in <c>/setup school:</c>.</summary>
public static class OtherSchoolValue
{
    public const string Prefix = School.OtherId + ":";

    /// <summary>Picker values are at most 100 characters (Discord's limit for a choice's value).</summary>
    public const int MaxValueLength = 100;

    /// <summary>The text after the prefix, trimmed; null when <paramref name="value"/> is not an "Other" value.</summary>
    public static string? TextOf(string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? value[Prefix.Length..].Trim() : null;

    /// <summary>The picker entry keeping <paramref name="typed"/>; null when the text is not a valid school name or too long.</summary>
    public static Suggestion? Suggest(string typed)
    {
        var text = InputRules.School(typed);
        return text.IsValid && Prefix.Length + text.Value!.Length <= MaxValueLength
            ? new Suggestion(Prefix + text.Value, $"Other: {text.Value} (not in the list; keep as typed)")
            : null;
    }
}
