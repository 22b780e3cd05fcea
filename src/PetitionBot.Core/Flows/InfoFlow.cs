using System.Text;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/petition (everyone) and /totals (by role).</summary>
public sealed class InfoFlow(ISignatureStore signatures, IChartRenderer charts, IResponseStore responses)
{
    public async Task<Reply> PetitionAsync(FlowContext ctx, CampaignDefinition campaign, CancellationToken ct = default)
    {
        var stats = await signatures.GetStatsAsync(campaign.Id, ctx.Now, ct);
        var text = new StringBuilder(campaign.Summary).Append("\n\n");
        if (campaign.Recipients.Count > 0)
        {
            text.Append("Delivered to: ").Append(string.Join(", ", campaign.Recipients)).Append(".\n");
        }

        text.Append(campaign.IsClosed(ctx.Now)
            ? $"This petition closed on {Replies.Date(campaign.ClosesAt!.Value)}.\n"
            : $"Medical students and resident physicians sign with /sign. Not eligible? Sign the public petition: {campaign.ExternalUrl}\n");
        text.Append($"{Replies.Signatures(stats.Total)} so far");
        var verified = stats.Count(Verification.SchoolEmail);
        text.Append(verified > 0 ? $", {Replies.Count(verified)} verified by school email." : ".");
        text.Append(ResponseSummary.Latest(await responses.ListAsync(campaign.Id, ct)));
        return new Reply
        {
            Title = campaign.Title,
            Text = text.ToString(),
            Progress = new Progress(stats.Total, campaign.Goal),
            Choices = [Choice.Link("Public petition", campaign.ExternalUrl)],
        };
    }

    public async Task<Reply> TotalsAsync(FlowContext ctx, CampaignDefinition campaign, CancellationToken ct = default)
    {
        var stats = await signatures.GetStatsAsync(campaign.Id, ctx.Now, ct);
        var progress = new Progress(stats.Total, campaign.Goal);
        if (ctx.IsOrganizer)
        {
            return OrganizerTotals(campaign, stats, progress);
        }

        var text = new StringBuilder($"{Replies.Signatures(stats.Total)}, {progress.Percent}% of the {Replies.Count(campaign.Goal)} goal.");
        if (ctx.IsLeaderOrAdmin)
        {
            if (ctx.Server?.School is { Length: > 0 } school)
            {
                var key = ctx.Server.SchoolKey;
                var ranked = stats.BySchool.OrderByDescending(s => s.Count).ToList();
                var index = ranked.FindIndex(s => s.Key == key);
                var count = index < 0 ? 0 : ranked[index].Count;
                text.Append($"\n{school}: {PublicNumbers.GroupCount(count)}");
                if (count >= PublicNumbers.MinGroupSize)
                {
                    text.Append($", rank {index + 1} of {ranked.Count} schools");
                }

                text.Append('.');
            }
            else
            {
                text.Append("\nSet your school with /setup school:<name> to see its count and rank.");
            }
        }

        return new Reply { Title = campaign.Title, Text = text.ToString(), Progress = progress };
    }

    private Reply OrganizerTotals(CampaignDefinition campaign, CampaignStats stats, Progress progress)
    {
        var text = new StringBuilder()
            .Append($"Total {Replies.Count(stats.Total)} ({Replies.Count(stats.Named)} named, {Replies.Count(stats.Total - stats.Named)} counted only); ")
            .Append($"last 24 h: {Replies.Count(stats.Last24Hours)}, last 7 days: {Replies.Count(stats.Last7Days)}.\n");
        Section(text, "By stage", RoleStages.InNaturalOrder(campaign, stats.ByStage, s => s.Label));
        Section(text, "By platform", stats.ByPlatform.OrderByDescending(s => s.Count));
        Section(text, "By verification", VerificationText.Methods
            .Select(m => new CountBy(m.ToString(), VerificationText.Label(m), stats.Count(m))).Where(r => r.Count > 0));
        Section(text, "By school", stats.BySchool.OrderByDescending(s => s.Count).Take(25)
            .Select(s => s with { Label = (Schools.SchoolKeys.IsOther(s.Key) ? "Other: " + s.Label : s.Label) + MethodsOf(stats, s.Key) }));
        if (stats.BySchool.Count > 25)
        {
            text.Append($"… and {stats.BySchool.Count - 25} more schools (see /export).\n");
        }

        return new Reply
        {
            Title = $"{campaign.Title}: totals",
            Text = text.ToString().TrimEnd(),
            Progress = progress,
            Attachments = [charts.RenderSignaturesOverTime($"{campaign.Title}: signatures per day", stats.ByDay)],
        };
    }

    /// <summary>" (3 school email, 1 server role, 2 self-attested)" for one school; empty when there is nothing to split.</summary>
    private static string MethodsOf(CampaignStats stats, string schoolKey)
    {
        var parts = VerificationText.Methods
            .Select(m => (Method: m, Count: stats.SchoolCount(schoolKey, m)))
            .Where(p => p.Count > 0)
            .Select(p => $"{Replies.Count(p.Count)} {VerificationText.Label(p.Method)}")
            .ToList();
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    private static void Section(StringBuilder text, string title, IEnumerable<CountBy> rows)
    {
        text.Append(title).Append(":\n");
        foreach (var row in rows)
        {
            text.Append("  ").Append(row.Label).Append(": ").Append(Replies.Count(row.Count)).Append('\n');
        }
    }
}
