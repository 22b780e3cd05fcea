using System.Text.RegularExpressions;

namespace PetitionBot.Core.Campaigns;

/// <summary>The training stages a role may pick, in the campaign's natural order (MS1 … PGY7, Fellow).
/// <c>Campaigns:N:RoleStages:&lt;role&gt;</c> sets them per role; otherwise a role naming "resident" or "fellow" gets the
/// resident stages (PGY1–PGY7, Fellow), a role naming "student" every other stage (MS1–MS4 and the campaign's other
/// student stages), and any other role every stage.</summary>
public static partial class RoleStages
{
    public static IReadOnlyList<string> For(CampaignDefinition campaign, string? role)
    {
        var all = campaign.EffectiveStages;
        if (role is not null && campaign.RoleStages.TryGetValue(role, out var configured) && configured.Count > 0)
        {
            return configured.OrderBy(s => Position(all, s)).ToList();
        }

        if (role is null)
        {
            return all;
        }

        if (role.Contains("resident", StringComparison.OrdinalIgnoreCase) || role.Contains("fellow", StringComparison.OrdinalIgnoreCase))
        {
            return all.Where(IsResidentStage).ToList() is { Count: > 0 } residents ? residents : all;
        }

        if (role.Contains("student", StringComparison.OrdinalIgnoreCase))
        {
            return all.Where(s => !IsResidentStage(s)).ToList() is { Count: > 0 } students ? students : all;
        }

        return all;
    }

    /// <summary>Sorts rows labelled by stage in the campaign's order; stages it does not list come last, by name.</summary>
    public static IEnumerable<T> InNaturalOrder<T>(CampaignDefinition campaign, IEnumerable<T> rows, Func<T, string> stage) =>
        rows.OrderBy(r => Position(campaign.EffectiveStages, stage(r))).ThenBy(r => stage(r), StringComparer.Ordinal);

    /// <summary>"PGY1".."PGY9" (any spelling "PGY-1", "pgy 2") and "Fellow".</summary>
    public static bool IsResidentStage(string stage) => ResidentPattern().IsMatch(stage.Trim());

    private static int Position(IReadOnlyList<string> all, string stage)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i], stage, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    [GeneratedRegex(@"^(pgy[\s-]*\d+|fellow(ship)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResidentPattern();
}
