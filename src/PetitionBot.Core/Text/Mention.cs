using System.Text.RegularExpressions;

namespace PetitionBot.Core.Text;

/// <summary>Neutral references to channels and roles inside reply text: "{#id}" and "{@&amp;id}".
/// Adapters turn these into their platform's mention syntax (Discord &lt;#id&gt; / &lt;@&amp;id&gt;, Slack &lt;#id&gt; /
/// &lt;!subteam^id&gt;) after escaping the rest, with <see cref="Rewrite"/>; the console prints them readably.
/// Only ids the core validated are ever wrapped this way.</summary>
public static partial class Mention
{
    public static string Channel(string id) => $"{{#{id}}}";

    public static string Role(string id) => $"{{@&{id}}}";

    /// <summary>Replaces every neutral reference using the given renderers; other text is left untouched.</summary>
    public static string Rewrite(string text, Func<string, string> channel, Func<string, string> role) =>
        Pattern().Replace(text, m => m.Groups["kind"].Value == "#" ? channel(m.Groups["id"].Value) : role(m.Groups["id"].Value));

    /// <summary>Makes text a person typed unable to act as a neutral reference: the brace of "{#…}" or "{@&amp;…}" becomes
    /// a full-width brace, which reads the same and is never rewritten.</summary>
    public static string Neutralize(string userText) =>
        userText.Contains('{', StringComparison.Ordinal) ? Pattern().Replace(userText, m => "\uFF5B" + m.Value[1..]) : userText;

    [GeneratedRegex(@"\{(?<kind>#|@&)(?<id>[A-Za-z0-9_-]{1,40})\}")]
    private static partial Regex Pattern();
}
