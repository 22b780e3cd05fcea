using System.Text;

namespace PetitionBot.Core.Text;

/// <summary>The one quote-aware tokenizer of typed commands (Slack slash commands and the console): splits on
/// whitespace outside double quotes, so <c>school:"UC Davis"</c> stays one word.</summary>
public static class QuotedWords
{
    /// <summary>Splits <paramref name="text"/> into words. With <paramref name="curlyQuotes"/> the curly quotes “ ” count as
    /// quotes too (Slack clients may auto-correct them). With <paramref name="keepQuotes"/> every quote stays in the word as
    /// a straight <c>"</c> (so the caller can still tell a quoted value); otherwise quotes are dropped.</summary>
    public static IReadOnlyList<string> Split(string text, bool keepQuotes = false, bool curlyQuotes = false)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"' || (curlyQuotes && c is '\u201C' or '\u201D'))
            {
                quoted = !quoted;
                if (keepQuotes)
                {
                    current.Append('"');
                }
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
