using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Reports;

namespace PetitionBot.PublicPages;

/// <summary>The public progress page: server-rendered, self-contained (inline CSS, no scripts, fonts, images or anything
/// fetched from elsewhere), readable on a phone, with headings and a text alternative for the progress bar.</summary>
public static class PublicPageHtml
{
    private const string Style = """
        :root{color-scheme:light}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1b1b;background:#fff;line-height:1.5}
        main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 3rem}
        h1{font-size:1.6rem;line-height:1.25;margin:1rem 0 .5rem}
        h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #d0d0d0;padding-bottom:.2rem}
        .big{font-size:1.35rem;margin:.25rem 0}
        .bar{height:1.4rem;background:#e6e6e6;border:1px solid #6b6b6b;border-radius:.35rem;overflow:hidden}
        .fill{height:100%;background:#0b6e4f}
        table{border-collapse:collapse;width:100%}
        th,td{padding:.35rem .25rem;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top}
        tbody th{font-weight:normal}
        h3{font-size:1rem;margin:1rem 0 .25rem}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        a{color:#0645ad}
        code{background:#f0f0f0;padding:0 .25rem;border-radius:.2rem}
        blockquote{margin:.25rem 0 1rem;padding-left:.75rem;border-left:3px solid #b0b0b0}
        footer{margin-top:2rem;color:#4a4a4a;font-size:.9rem}
        """;

    public static string Render(PublicProgress p)
    {
        var html = new StringBuilder(4096);
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(p.Title)).Append(" — progress</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(p.Title)).Append("</h1>\n")
            .Append("<p>").Append(E(p.Summary)).Append("</p>\n");
        if (p.Recipients.Count > 0)
        {
            html.Append("<p>Addressed to: ").Append(E(string.Join(", ", p.Recipients))).Append(".</p>\n");
        }

        var alt = $"{N(p.Total)} of {N(p.Goal)} signatures ({p.PercentText}% of the goal)";
        html.Append("<section aria-labelledby=\"progress\">\n<h2 id=\"progress\">Progress</h2>\n")
            .Append("<p class=\"big\"><strong id=\"total\" data-value=\"").Append(p.Total.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(N(p.Total)).Append("</strong> signatures of a goal of <strong id=\"goal\" data-value=\"")
            .Append(p.Goal.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(N(p.Goal)).Append("</strong></p>\n")
            .Append("<div class=\"bar\" role=\"progressbar\" aria-label=\"Signatures toward the goal\" aria-valuemin=\"0\" aria-valuemax=\"")
            .Append(p.Goal.ToString(CultureInfo.InvariantCulture)).Append("\" aria-valuenow=\"").Append(Math.Min(p.Total, p.Goal).ToString(CultureInfo.InvariantCulture))
            .Append("\" aria-valuetext=\"").Append(E(alt)).Append("\"><div class=\"fill\" style=\"width:")
            .Append(Math.Clamp(p.Percent, 0, 100).ToString(CultureInfo.InvariantCulture)).Append("%\"></div></div>\n")
            .Append("<p id=\"percent\">").Append(E(p.PercentText)).Append("% of the goal.")
            .Append(p.Closed ? " This petition is closed." : "").Append("</p>\n</section>\n");

        html.Append("<section aria-labelledby=\"schools\">\n<h2 id=\"schools\">Schools with at least ").Append(PublicNumbers.MinGroupSize).Append(" signers</h2>\n");
        Table(html, "schools-table", "School or program", p.Schools.Select(s => (s.Label, s.Count)),
            $"No school has reached {PublicNumbers.MinGroupSize} signers yet.");
        html.Append("</section>\n<section aria-labelledby=\"stages\">\n<h2 id=\"stages\">By training stage</h2>\n");
        Table(html, "stages-table", "Training stage", p.Stages.Select(s => (s.Label, s.Count)),
            $"No training stage has reached {PublicNumbers.MinGroupSize} signers yet.");
        html.Append("</section>\n");

        if (p.Responses.Count > 0)
        {
            html.Append("<section aria-labelledby=\"responses\">\n<h2 id=\"responses\">Responses from the recipients</h2>\n");
            foreach (var r in p.Responses)
            {
                html.Append("<h3>").Append(E(r.Recipient)).Append(", ").Append(E(ResponseFlow.DateText(r.RespondedOn))).Append("</h3>\n");
                html.Append(r.Text is { } text
                    ? "<blockquote><p>" + E(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p></blockquote>\n"
                    : "<p><a href=\"" + E(r.Link!) + "\" rel=\"nofollow noopener\">" + E(r.Link!) + "</a></p>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("<section aria-labelledby=\"how\">\n<h2 id=\"how\">How to sign</h2>\n")
            .Append("<p>Medical students and resident physicians: in your school's Discord server or Slack workspace, type <code>/sign</code> ")
            .Append("(on Slack, <code>/petition sign</code> works too). You may sign with your name or be counted without it.</p>\n")
            .Append("<p>Everyone else: <a href=\"").Append(E(p.ExternalUrl)).Append("\">sign the public petition</a>.</p>\n</section>\n")
            .Append("<footer><p>Updated ").Append(E(p.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)))
            .Append(". No names are shown here, and no group of fewer than ").Append(PublicNumbers.MinGroupSize).Append(" signers.</p>\n")
            .Append("<p>Open data: <a href=\"").Append(E(p.CampaignId)).Append(".json\">JSON</a> · badge for chapter websites: <a href=\"")
            .Append(E(p.CampaignId)).Append("/badge.svg\">SVG</a></p></footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string NotFound() =>
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        "<title>Not found</title>\n<style>" + Style + "</style>\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n" +
        "<p>There is no petition page at this address. Check the link you were given.</p>\n</main>\n</body>\n</html>\n";

    private static void Table(StringBuilder html, string id, string header, IEnumerable<(string Label, int Count)> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append("<p>").Append(E(empty)).Append("</p>\n");
            return;
        }

        html.Append("<table id=\"").Append(id).Append("\">\n<thead><tr><th scope=\"col\">").Append(E(header))
            .Append("</th><th scope=\"col\" class=\"n\">Signers</th></tr></thead>\n<tbody>\n");
        foreach (var (label, count) in list)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td class=\"n\" data-value=\"")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(N(count)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
