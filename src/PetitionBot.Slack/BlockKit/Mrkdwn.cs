using System.Text;

namespace PetitionBot.Slack.BlockKit;

/// <summary>Slack mrkdwn escaping: only <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, which neutralises
/// <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;@U…&gt;</c>, <c>&lt;!subteam^…&gt;</c> and links.</summary>
internal static class Mrkdwn
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Escapes the core's text, then renders its neutral references: "{#C1}" becomes a channel link
    /// (<c>&lt;#C1&gt;</c>, which notifies nobody) and "{@&amp;S1}" the user group's id as plain text, never a
    /// <c>&lt;!subteam^…&gt;</c> mention.</summary>
    public static string EscapeReply(string? text)
    {
        // Group references first (escaping would break their "&"); channel references survive escaping unchanged.
        var groupsNamed = Core.Text.Mention.Rewrite(text ?? "", Core.Text.Mention.Channel, id => $"user group {id}");
        return Core.Text.Mention.Rewrite(Escape(groupsNamed), id => $"<#{id}>", id => $"user group {id}");
    }

    /// <summary>Shortens to at most <paramref name="max"/> characters (Block Kit length limits), with an ellipsis.</summary>
    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(0, max - 1)), "…");
}
