using Microsoft.Extensions.Options;

namespace PetitionBot.Core.Campaigns;

/// <summary>Finds the campaign an interaction is about: the option given, else the server's default, else the only one
/// open (or the only one configured).</summary>
public sealed class CampaignDirectory(IOptionsMonitor<BotOptions> options)
{
    public IReadOnlyList<CampaignDefinition> All => options.CurrentValue.Campaigns;

    public CampaignDefinition? Find(string? id) =>
        id is null ? null : All.FirstOrDefault(c => string.Equals(c.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The campaign meant, or null with <paramref name="error"/> saying why (unknown id, several open).</summary>
    public CampaignDefinition? Resolve(string? requested, ServerSettings? server, DateTimeOffset now, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var found = Find(requested);
            if (found is null)
            {
                error = $"There is no campaign called \"{Clip(requested)}\". Campaigns: {string.Join(", ", All.Select(c => c.Id))}.";
            }

            return found;
        }

        if (Find(server?.DefaultCampaignId) is { } preferred)
        {
            return preferred;
        }

        var open = All.Where(c => !c.IsClosed(now)).ToList();
        if (open.Count == 1)
        {
            return open[0];
        }

        if (open.Count == 0 && All.Count > 0)
        {
            return All[^1];
        }

        error = $"Several campaigns are open; please choose one with the campaign option: {string.Join(", ", open.Select(c => c.Id))}.";
        return null;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
