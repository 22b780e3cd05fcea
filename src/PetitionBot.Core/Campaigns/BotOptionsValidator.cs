using System.Text.RegularExpressions;

namespace PetitionBot.Core.Campaigns;

/// <summary>Checks <see cref="BotOptions"/> and names each bad key, e.g. "Campaigns:0:Goal must be a positive number".
/// Organizer ids are each platform's format: <see cref="OrganizerIdValidator"/> checks them against the adapters' schemes.</summary>
public static partial class BotOptionsValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CampaignIdPattern();

    public static IReadOnlyList<string> Validate(BotOptions options)
    {
        var errors = new List<string>();
        if (options.Campaigns.Count == 0)
        {
            errors.Add("Campaigns: at least one campaign is required");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Campaigns.Count; i++)
        {
            var c = options.Campaigns[i];
            var key = $"Campaigns:{i}";
            var id = c.Id ?? "";
            if (!CampaignIdPattern().IsMatch(id))
            {
                errors.Add($"{key}:Id must be 1-32 lowercase letters, digits or '-'");
            }
            else if (!ids.Add(id))
            {
                errors.Add($"{key}:Id '{c.Id}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(c.Title) || c.Title.Length > 200)
            {
                errors.Add($"{key}:Title is required (at most 200 characters)");
            }

            if (string.IsNullOrWhiteSpace(c.Summary) || c.Summary.Length > 1500)
            {
                errors.Add($"{key}:Summary is required (at most 1500 characters)");
            }

            if (!Uri.TryCreate(c.ExternalUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"{key}:ExternalUrl must be an https:// URL");
            }

            if (c.EligibleRoles.Count is 0 or > 4 || c.EligibleRoles.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 60))
            {
                errors.Add($"{key}:EligibleRoles must list 1-4 roles of at most 60 characters");
            }

            if (!string.Equals(c.PaperSize, "Letter", StringComparison.OrdinalIgnoreCase) && !string.Equals(c.PaperSize, "A4", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{key}:PaperSize must be Letter or A4");
            }

            if (c.SignOff?.Length > 500)
            {
                errors.Add($"{key}:SignOff must be at most 500 characters");
            }

            if (c.Stages.Count > 25 || c.Stages.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 30))
            {
                errors.Add($"{key}:Stages must list at most 25 stages of at most 30 characters");
            }

            foreach (var (role, stages) in c.RoleStages)
            {
                if (!c.EligibleRoles.Contains(role, StringComparer.OrdinalIgnoreCase) ||
                    stages.Any(s => !c.EffectiveStages.Contains(s, StringComparer.OrdinalIgnoreCase)))
                {
                    errors.Add($"{key}:RoleStages:{role} must name one of EligibleRoles and list only stages of Stages");
                }
            }

            if (c.Goal <= 0)
            {
                errors.Add($"{key}:Goal must be a positive number");
            }

            if (c.Milestones.Any(m => m <= 0) || c.SchoolMilestones.Any(m => m <= 0))
            {
                errors.Add($"{key}:Milestones and SchoolMilestones must be positive numbers");
            }
        }

        if (options.Updates.MaxPerWindow < 1 || options.Updates.Window <= TimeSpan.Zero)
        {
            errors.Add("Updates:MaxPerWindow must be at least 1 and Updates:Window positive");
        }

        if (options.Updates.MaxLength is < 1 or > 1500)
        {
            errors.Add("Updates:MaxLength must be between 1 and 1500");
        }

        if (options.Flows.DraftLifetime <= TimeSpan.Zero || options.Flows.DraftLifetime > TimeSpan.FromHours(24))
        {
            errors.Add("Flows:DraftLifetime must be positive and at most 24 hours");
        }

        if (options.Abuse.InteractionsPerMinute < 5)
        {
            errors.Add("Abuse:InteractionsPerMinute must be at least 5 (a sign-up takes several interactions)");
        }

        var alerts = options.Alerts;
        if (!string.IsNullOrWhiteSpace(alerts.Platform))
        {
            if (alerts.Platform.ToLowerInvariant() is not ("discord" or "slack" or "console"))
            {
                errors.Add("Alerts:Platform must be discord, slack or console");
            }

            if (string.IsNullOrWhiteSpace(alerts.WorkspaceId) || string.IsNullOrWhiteSpace(alerts.ChannelId))
            {
                errors.Add("Alerts:WorkspaceId and Alerts:ChannelId are required when Alerts:Platform is set");
            }
        }

        if (alerts.SpikeThreshold < 2 || alerts.SpikeWindow <= TimeSpan.Zero)
        {
            errors.Add("Alerts:SpikeThreshold must be at least 2 and Alerts:SpikeWindow positive");
        }

        return errors;
    }
}
