using System.Globalization;
using System.Text;

namespace PetitionBot.Core.Schools;

/// <summary>How school names are compared: <see cref="Light"/> folds case, diacritics and punctuation;
/// <see cref="Heavy"/> also drops the words every school shares ("School of Medicine", "University", "the", initials),
/// so "UCSF" and "University of California, San Francisco School of Medicine" meet on what tells them apart.</summary>
internal static class SchoolText
{
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "the", "of", "at", "in", "and", "for", "a", "an", "school", "college", "medicine", "medical", "osteopathic",
        "allopathic", "university", "md", "do", "com", "dr", "som", "uni", "univ",
    };

    private static readonly HashSet<string> DoWords = new(StringComparer.Ordinal) { "do", "osteopathic", "com", "osteopathy" };
    private static readonly HashSet<string> MdWords = new(StringComparer.Ordinal) { "md", "allopathic" };

    /// <summary>Lower case, no diacritics, "&amp;" as "and" (but "A&amp;M" as "am"), "st." as "saint", every other non-letter/digit a space,
    /// single spaces, no leading "the".</summary>
    public static string Light(string? text)
    {
        var tokens = LightTokens(text);
        if (tokens.Count > 0 && tokens[0] == "the")
        {
            tokens.RemoveAt(0);
        }

        return string.Join(' ', tokens);
    }

    /// <summary>The light tokens without the shared words and single letters.</summary>
    public static string Heavy(string? text) =>
        string.Join(' ', LightTokens(text).Where(t => t.Length > 1 && !Noise.Contains(t)));

    /// <summary>The degree the text names, if any ("DO", "Osteopathic", "M.D.").</summary>
    public static SchoolKind? KindHint(string? text)
    {
        var tokens = LightTokens(text);
        var joined = " " + string.Join(' ', tokens) + " ";
        var isDo = tokens.Any(DoWords.Contains) || joined.Contains(" d o ", StringComparison.Ordinal);
        var isMd = tokens.Any(MdWords.Contains) || joined.Contains(" m d ", StringComparison.Ordinal);
        return isDo == isMd ? null : isDo ? SchoolKind.DO : SchoolKind.MD;
    }

    public static List<string> LightTokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c == '&' && i > 0 && i + 1 < decomposed.Length && char.IsLetter(decomposed[i - 1]) && char.IsLetter(decomposed[i + 1]))
            {
                // "A&M", "P&S": one word.
                continue;
            }

            if (c == '&')
            {
                sb.Append(" and ");
            }
            else if (c is '\'' or '’' or '.')
            {
                // "Hopkins'" and "St." keep their word together; "M.D." becomes "md".
                continue;
            }
            else
            {
                sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "st" || tokens[i] == "st.")
            {
                tokens[i] = "saint";
            }
            else if (tokens[i] == "mt")
            {
                tokens[i] = "mount";
            }
        }

        return tokens;
    }

    /// <summary>Levenshtein distance, or <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Two rows of the edit-distance table; on the stack for names of ordinary length (this runs for every school
        // on each unknown name, so it must not allocate).
        var width = b.Length + 1;
        var rows = width <= 128 ? stackalloc int[2 * width] : new int[2 * width];
        var previous = rows[..width];
        var current = rows[width..];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
