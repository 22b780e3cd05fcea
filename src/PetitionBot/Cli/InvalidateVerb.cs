using System.Globalization;
using PetitionBot.ConsoleUi;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Cli;

/// <summary><c>invalidate --campaign ID [--server discord:GUILD|slack:TEAM] [--since TIME] [--until TIME]</c>:
/// removes spam sign-ups (totals drop), with an audit record. Needs a server or a time window.</summary>
public static class InvalidateVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> flags, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var campaign = services.GetRequiredService<CampaignDirectory>().Resolve(flags.GetValueOrDefault("campaign"), null, time.GetUtcNow(), out var problem);
        if (campaign is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        ServerRef? server = null;
        if (flags.TryGetValue("server", out var serverFlag))
        {
            var parts = serverFlag.Split(':', 2);
            if (parts.Length != 2 || !Enum.TryParse<PlatformKind>(parts[0], ignoreCase: true, out var platform) || parts[1].Length == 0)
            {
                await error.WriteLineAsync("--server must look like discord:<guildId> or slack:<teamId>.");
                return 2;
            }

            server = new ServerRef(platform, parts[1]);
        }

        if (!TryTime(flags, "since", out var since) || !TryTime(flags, "until", out var until))
        {
            await error.WriteLineAsync("--since and --until take a time such as 2026-11-28T03:00:00Z.");
            return 2;
        }

        if (server is null && since is null && until is null)
        {
            await error.WriteLineAsync("invalidate needs --server and/or --since/--until; it will not remove a whole campaign.");
            return 2;
        }

        var removed = await services.GetRequiredService<ISignatureStore>().InvalidateAsync(campaign.Id, server, since, until, ct);
        await services.GetRequiredService<IAuditLog>().AppendAsync(new AuditEntry(AuditActions.Invalidate, server, ConsoleIdentity.OrganizerKey,
            $"campaign={campaign.Id} since={since:O} until={until:O} removed={removed}", time.GetUtcNow()), ct);
        await output.WriteLineAsync($"Removed {removed:N0} signature(s) from {campaign.Id}; totals are updated and the removal is in the audit log.");
        return 0;
    }

    private static bool TryTime(IReadOnlyDictionary<string, string> flags, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!flags.TryGetValue(name, out var text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
