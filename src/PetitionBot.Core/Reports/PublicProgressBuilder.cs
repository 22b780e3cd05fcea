using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;

namespace PetitionBot.Core.Reports;

/// <summary>Reads the aggregates (never the signatures) and keeps only what may be public.</summary>
public sealed class PublicProgressBuilder(ISignatureStore signatures, IResponseStore responses)
{
    public async Task<PublicProgress> BuildAsync(CampaignDefinition campaign, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var stats = await signatures.GetStatsAsync(campaign.Id, now, ct);
        var progress = new Progress(stats.Total, campaign.Goal);
        var schools = stats.BySchool.Where(s => s.Count >= PublicNumbers.MinGroupSize)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Select(s => new CountBy("", s.Label, s.Count)).ToList();
        var stageOrder = campaign.EffectiveStages.ToList();
        var stages = stats.ByStage.Where(s => s.Count >= PublicNumbers.MinGroupSize)
            .OrderBy(s => stageOrder.IndexOf(s.Label) is var i && i < 0 ? int.MaxValue : i).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Select(s => new CountBy("", s.Label, s.Count)).ToList();
        var answered = (await responses.ListAsync(campaign.Id, ct))
            .Select(r => r with { Id = "", CampaignId = campaign.Id })
            .ToList();
        return new PublicProgress(campaign.Id, campaign.Title, campaign.Summary, campaign.ExternalUrl, campaign.Recipients,
            stats.Total, campaign.Goal, progress.WholePercent, campaign.IsClosed(now), schools, stages, answered, now);
    }
}
