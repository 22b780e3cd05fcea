using System.Globalization;
using System.Text;

namespace PetitionBot.Core.Text;

/// <summary>Cleans and checks text people type. Every failure is a sentence a person can act on.</summary>
public static class InputRules
{
    public const int NameMax = 100;
    public const int SchoolMax = 100;

    /// <summary>Trims, normalizes to NFC and folds runs of white space to one space (single-line fields).</summary>
    public static FieldCheck SingleLine(string? raw, string label, int min, int max)
    {
        if (raw is null || raw.Length > max * 4)
        {
            return raw is null ? FieldCheck.Fail($"{label} is required.") : FieldCheck.Fail($"{label} must be at most {max} characters.");
        }

        if (HasForbiddenControl(raw))
        {
            return FieldCheck.Fail($"{label} contains control characters; please type it again as plain text.");
        }

        if (HasInvisible(raw))
        {
            return FieldCheck.Fail($"{label} contains invisible characters; please type it again as plain text.");
        }

        var value = CollapseWhitespace(Normalize(raw));
        return Length(value, label, min, max);
    }

    /// <summary>Multi-line text (updates): newlines kept, other control characters refused.</summary>
    public static FieldCheck MultiLine(string? raw, string label, int min, int max)
    {
        if (raw is null)
        {
            return FieldCheck.Fail($"{label} is required.");
        }

        if (raw.Length > max * 4)
        {
            return FieldCheck.Fail($"{label} must be at most {max} characters.");
        }

        var text = Normalize(raw).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (HasForbiddenControl(text))
        {
            return FieldCheck.Fail($"{label} contains control characters; please type it again as plain text.");
        }

        if (HasInvisible(text))
        {
            return FieldCheck.Fail($"{label} contains invisible characters; please type it again as plain text.");
        }

        return Length(text.Trim(), label, min, max);
    }

    public static FieldCheck PersonName(string? raw)
    {
        var check = SingleLine(raw, "Full name", 2, NameMax);
        if (check.IsValid && !check.Value!.Any(char.IsLetter))
        {
            return FieldCheck.Fail("Full name must contain letters.");
        }

        return check;
    }

    public static FieldCheck School(string? raw)
    {
        var check = SingleLine(raw, "School or program", 2, SchoolMax);
        if (check.IsValid && !check.Value!.Any(char.IsLetter))
        {
            return FieldCheck.Fail("School or program must contain letters.");
        }

        return check;
    }

    /// <summary>Matches a stage against the campaign's list, case-insensitively, returning the canonical spelling.</summary>
    public static FieldCheck Stage(string? raw, IReadOnlyList<string> stages)
    {
        var check = SingleLine(raw, "Training stage", 1, 30);
        if (!check.IsValid)
        {
            return check;
        }

        var compact = check.Value!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var match = stages.FirstOrDefault(s =>
            string.Equals(s.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), compact, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? FieldCheck.Fail($"Training stage must be one of: {string.Join(", ", stages)}.")
            : FieldCheck.Ok(match);
    }

    /// <summary>The key schools are grouped by: lowercase, single spaces.</summary>
    public static string SchoolKey(string school) => CollapseWhitespace(Normalize(school)).ToLowerInvariant();

    private static FieldCheck Length(string value, string label, int min, int max)
    {
        var length = new StringInfo(value).LengthInTextElements;
        if (length == 0)
        {
            return FieldCheck.Fail($"{label} is required.");
        }

        if (length < min)
        {
            return FieldCheck.Fail($"{label} must be at least {min} characters.");
        }

        // User text never carries the core's own channel/role reference syntax ("{#id}", "{@&id}"): adapters would turn it
        // into a real mention.
        return length > max ? FieldCheck.Fail($"{label} must be at most {max} characters.") : FieldCheck.Ok(Mention.Neutralize(value));
    }

    private static string Normalize(string raw)
    {
        try
        {
            return raw.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate): keep the text; HasForbiddenControl rejects it.
            return raw;
        }
    }

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Unicode format characters (zero-width space, direction marks, BOM, soft hyphen, tag characters, …) hide
    /// text from the reader and from checks such as a spreadsheet's formula guard. Zero-width (non-)joiners between two
    /// visible characters stay: emoji sequences and several scripts need them.</summary>
    private static bool HasInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            if (category == UnicodeCategory.Format)
            {
                var joiner = text[i] is '\u200D' or '\u200C';
                if (!joiner || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i + 1]))
                {
                    return true;
                }
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return false;
    }

    private static bool HasForbiddenControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsSurrogate(ch))
            {
                if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return true;
            }

            // Tabs and line breaks are white space: folded in single-line fields, kept in multi-line ones.
            var category = char.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.Control && ch != '\t' && ch != '\n' && ch != '\r')
            {
                return true;
            }

            // Bidirectional overrides and isolates can disguise text; zero-width joiners (emoji, scripts) are fine.
            if (ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' || ch is '\uFFFE' or '\uFFFF' || category == UnicodeCategory.PrivateUse)
            {
                return true;
            }
        }

        return false;
    }
}
