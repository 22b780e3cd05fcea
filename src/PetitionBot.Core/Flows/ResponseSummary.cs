using System.Text;

namespace PetitionBot.Core.Flows;

/// <summary>The recipients' latest responses as /petition shows them.</summary>
public static class ResponseSummary
{
    public const int Shown = 3;
    public const int ExcerptLength = 300;

    /// <summary>"\n\nLatest responses:\n• AAMC, April 2, 2026: …" for the latest <see cref="Shown"/>; empty when none.</summary>
    public static string Latest(IReadOnlyList<RecipientResponse> responses)
    {
        if (responses.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("\n\nLatest responses from the recipients:");
        foreach (var r in responses.Take(Shown))
        {
            var body = r.Text is { } t ? (t.Length > ExcerptLength ? t[..ExcerptLength].TrimEnd() + "…" : t).Replace('\n', ' ') : r.Link;
            text.Append($"\n• {r.Recipient}, {ResponseFlow.DateText(r.RespondedOn)}: {body}");
        }

        if (responses.Count > Shown)
        {
            text.Append($"\n({Replies.Count(responses.Count - Shown)} earlier responses are listed in the delivery packet.)");
        }

        return text.ToString();
    }
}
