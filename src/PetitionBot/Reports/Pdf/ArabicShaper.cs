using System.Globalization;
using System.Text;

namespace PetitionBot.Reports.Pdf;

/// <summary>What PDFsharp does not do for right-to-left names: Arabic letters are replaced by their contextual forms
/// (isolated, final, initial, medial; lam-alef ligatures) from Arabic Presentation Forms-A/B, and the line is put in
/// visual order (a simplified Unicode bidi: right-to-left runs reversed by cluster, digits and Latin kept left to right,
/// brackets mirrored). A form the font lacks stays the base letter.</summary>
internal static class ArabicShaper
{
    // Base letter → (isolated form, whether it also has initial and medial forms). Forms follow in the order
    // isolated, final, initial, medial (Presentation Forms-B and the Persian letters of Forms-A).
    private static readonly Dictionary<int, (int Isolated, bool Dual)> Forms = new()
    {
        [0x0621] = (0xFE80, false), [0x0622] = (0xFE81, false), [0x0623] = (0xFE83, false), [0x0624] = (0xFE85, false),
        [0x0625] = (0xFE87, false), [0x0626] = (0xFE89, true), [0x0627] = (0xFE8D, false), [0x0628] = (0xFE8F, true),
        [0x0629] = (0xFE93, false), [0x062A] = (0xFE95, true), [0x062B] = (0xFE99, true), [0x062C] = (0xFE9D, true),
        [0x062D] = (0xFEA1, true), [0x062E] = (0xFEA5, true), [0x062F] = (0xFEA9, false), [0x0630] = (0xFEAB, false),
        [0x0631] = (0xFEAD, false), [0x0632] = (0xFEAF, false), [0x0633] = (0xFEB1, true), [0x0634] = (0xFEB5, true),
        [0x0635] = (0xFEB9, true), [0x0636] = (0xFEBD, true), [0x0637] = (0xFEC1, true), [0x0638] = (0xFEC5, true),
        [0x0639] = (0xFEC9, true), [0x063A] = (0xFECD, true), [0x0641] = (0xFED1, true), [0x0642] = (0xFED5, true),
        [0x0643] = (0xFED9, true), [0x0644] = (0xFEDD, true), [0x0645] = (0xFEE1, true), [0x0646] = (0xFEE5, true),
        [0x0647] = (0xFEE9, true), [0x0648] = (0xFEED, false), [0x0649] = (0xFEEF, false), [0x064A] = (0xFEF1, true),
        [0x067E] = (0xFB56, true), [0x0686] = (0xFB7A, true), [0x0698] = (0xFB8A, false), [0x06A9] = (0xFB8E, true),
        [0x06AF] = (0xFB92, true), [0x06CC] = (0xFBFC, true),
    };

    // Lam followed by one of these alefs becomes one ligature (isolated; final = +1).
    private static readonly Dictionary<int, int> LamAlef = new() { [0x0622] = 0xFEF5, [0x0623] = 0xFEF7, [0x0625] = 0xFEF9, [0x0627] = 0xFEFB };

    private const int Lam = 0x0644;
    private const int Tatweel = 0x0640;

    /// <summary>True when <paramref name="text"/> holds a right-to-left character (Hebrew, Arabic and their forms).</summary>
    public static bool HasRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (IsRtl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text as it must be drawn left to right: shaped, then in visual order. Text without right-to-left
    /// characters is returned unchanged.</summary>
    public static string Visual(string text, Func<int, bool> fontHas)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HasRightToLeft(text) ? Reorder(Shape(text, fontHas)) : text;
    }

    /// <summary>Contextual forms and lam-alef ligatures, in logical order.</summary>
    public static string Shape(string text, Func<int, bool> fontHas)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fontHas);
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                output.Append((char)c);
                continue;
            }

            var joinsBefore = c != 0x0621 && JoinsForward(Previous(text, i)); // hamza joins neither side
            if (c == Lam && Next(text, i) is var n && n >= 0 && LamAlef.TryGetValue(text[n], out var ligature))
            {
                var form = ligature + (joinsBefore ? 1 : 0);
                if (fontHas(form))
                {
                    output.Append((char)form);
                    output.Append(text, i + 1, n - i - 1); // marks between lam and alef stay
                    i = n;
                    continue;
                }
            }

            var joinsAfter = forms.Dual && JoinsBackward(Next(text, i) is var next && next >= 0 ? text[next] : -1);
            var offset = (joinsBefore, joinsAfter) switch
            {
                (true, true) => 3,
                (false, true) => 2,
                (true, false) => 1,
                _ => 0,
            };
            var shaped = forms.Isolated + offset;
            output.Append(fontHas(shaped) ? (char)shaped : (char)c);
        }

        return output.ToString();

        bool JoinsForward(int index) => index >= 0 && (text[index] == Tatweel || (Forms.TryGetValue(text[index], out var f) && f.Dual));
    }

    /// <summary>Visual order of one line (simplified Unicode bidi, rules W/N/I/L2): the base direction is that of the
    /// first strong character; neutrals between two runs of the same direction take it, others the base direction;
    /// numbers stay left to right; runs are reversed by cluster (a base character with its combining marks), and
    /// brackets in right-to-left runs are mirrored.</summary>
    public static string Reorder(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clusters = Clusters(text);
        var kinds = clusters.Select(c => Kind(c[0])).ToArray();
        var baseRtl = kinds.FirstOrDefault(k => k is 'L' or 'R') == 'R';
        var levels = new int[clusters.Count];
        for (var i = 0; i < clusters.Count; i++)
        {
            var kind = kinds[i];
            if (kind == 'N')
            {
                var before = Strong(kinds, i, -1, baseRtl);
                var after = Strong(kinds, i, +1, baseRtl);
                kind = before == after ? before : (baseRtl ? 'R' : 'L');
            }
            else if (kind == 'D')
            {
                kind = Strong(kinds, i, -1, baseRtl) == 'R' ? 'D' : 'L';
            }

            levels[i] = (baseRtl, kind) switch
            {
                (false, 'L') => 0,
                (false, 'R') => 1,
                (false, _) => 2, // digits after right-to-left text in a left-to-right line
                (true, 'R') => 1,
                _ => 2,
            };
        }

        var order = Enumerable.Range(0, clusters.Count).ToArray();
        for (var level = levels.Max(); level >= 1; level--)
        {
            for (var i = 0; i < order.Length;)
            {
                if (levels[order[i]] < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < order.Length && levels[order[end]] >= level)
                {
                    end++;
                }

                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        var output = new StringBuilder(text.Length);
        foreach (var index in order)
        {
            var cluster = clusters[index];
            output.Append(levels[index] % 2 == 1 && cluster.Length == 1 ? Mirror(cluster[0]) : cluster);
        }

        return output.ToString();
    }

    private static char Strong(char[] kinds, int from, int step, bool baseRtl)
    {
        for (var j = from + step; j >= 0 && j < kinds.Length; j += step)
        {
            if (kinds[j] is 'L' or 'R')
            {
                return kinds[j];
            }

            if (kinds[j] == 'D')
            {
                return Strong(kinds, j, -1, baseRtl) == 'R' ? 'R' : 'L';
            }
        }

        return baseRtl ? 'R' : 'L';
    }

    private static List<string> Clusters(string text)
    {
        var clusters = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            clusters.Add(e.GetTextElement());
        }

        return clusters;
    }

    /// <summary>L strong left to right, R strong right to left, D a digit, N neutral (spaces, punctuation).</summary>
    private static char Kind(char c) => IsRtl(c) ? 'R' : char.IsAsciiDigit(c) || c is >= '\u0660' and <= '\u0669' ? 'D' : char.IsLetter(c) ? 'L' : 'N';

    private static bool IsRtl(char c) => c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
        && !(c is >= '\u0660' and <= '\u0669') && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format);

    private static char Mirror(char c) => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<', '«' => '»', '»' => '«',
        _ => c,
    };

    private static bool IsTransparent(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool JoinsBackward(int c) => c == Tatweel || (c >= 0 && Forms.ContainsKey(c) && c != 0x0621);

    private static int Previous(string text, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (!IsTransparent(text[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static int Next(string text, int i)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            if (!IsTransparent(text[j]))
            {
                return j;
            }
        }

        return -1;
    }
}
