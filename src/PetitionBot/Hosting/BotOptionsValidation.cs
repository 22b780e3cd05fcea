using System.Globalization;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Ports;

namespace PetitionBot.Hosting;

/// <summary>Runs the core's validator at start; each failure names its configuration key. Malformed values are
/// checked on the raw configuration first, because the binder silently drops a list element it cannot convert.
/// Organizer ids are checked against the identity schemes the adapters registered.</summary>
internal sealed class BotOptionsValidation(IConfiguration configuration, IEnumerable<IIdentityScheme> schemes) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = MalformedValues().ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(BotOptionsValidator.Validate(options));
            errors.AddRange(OrganizerIdValidator.Validate(options.Organizers, schemes.ToList()));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private IEnumerable<string> MalformedValues()
    {
        foreach (var campaign in configuration.GetSection("Campaigns").GetChildren())
        {
            foreach (var key in new[] { "Goal" })
            {
                if (campaign[key] is { } raw && !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    yield return $"{campaign.Path}:{key} must be a whole number";
                }
            }

            foreach (var list in new[] { "Milestones", "SchoolMilestones" })
            {
                foreach (var item in campaign.GetSection(list).GetChildren())
                {
                    if (!int.TryParse(item.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    {
                        yield return $"{item.Path} must be a whole number";
                    }
                }
            }

            if (campaign["ClosesAt"] is { Length: > 0 } closes &&
                !DateTimeOffset.TryParse(closes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                yield return $"{campaign.Path}:ClosesAt must be a date and time such as 2026-06-30T23:59:00Z";
            }
        }

        foreach (var key in new[] { "Updates:MaxPerWindow", "Updates:MaxLength" })
        {
            if (configuration[key] is { } raw && !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                yield return $"{key} must be a whole number";
            }
        }

        foreach (var key in new[] { "Updates:Window", "Flows:DraftLifetime" })
        {
            if (configuration[key] is { } raw && !TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out _))
            {
                yield return $"{key} must be a duration such as 1.00:00:00 (one day) or 00:15:00";
            }
        }
    }
}
