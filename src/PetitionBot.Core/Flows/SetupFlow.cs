using System.Text;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/setup (server admins): announcement channel, leader role, verified role and strict mode, school, default campaign.</summary>
public sealed class SetupFlow(IServerStore servers, IAuditLog audit, CampaignDirectory campaigns, ISchoolDirectory schools)
{
    public async Task<Reply> RunAsync(FlowContext ctx, IReadOnlyDictionary<string, string> options, CancellationToken ct = default)
    {
        if (!ctx.Actor.IsServerAdmin)
        {
            return Replies.NotAllowed("server admins");
        }

        if (string.IsNullOrEmpty(ctx.Actor.ServerId))
        {
            return Reply.Private("Run /setup inside your server, not in a direct message.");
        }

        var current = ctx.Server ?? new ServerSettings(ctx.Actor.Server) { UpdatedAt = ctx.Now };
        var known = options.Where(o => !string.IsNullOrWhiteSpace(o.Value)).ToDictionary(o => o.Key, o => o.Value.Trim(), StringComparer.Ordinal);
        if (known.Count == 0)
        {
            return Reply.Private(Describe(current) + "\n\nChange a setting with /setup channel:<channel> leader_role:<role> " +
                                 "verified_role:<role> strict:<true|false> school:<name> campaign:<id>. Use \"none\" to clear a role; " +
                                 "a school the directory lacks is kept as typed with school:\"other: <name>\".");
        }

        var updated = current;
        var errors = new List<string>();
        foreach (var (key, value) in known)
        {
            switch (key)
            {
                case CommandCatalog.ChannelOption when IsId(value):
                    updated = updated with { AnnouncementChannelId = value, ChannelProblem = null, AdminNoticePending = false };
                    break;
                case CommandCatalog.LeaderRoleOption when IsId(value) || IsNone(value):
                    updated = updated with { LeaderRoleId = IsNone(value) ? null : value };
                    break;
                case CommandCatalog.VerifiedRoleOption when IsId(value) || IsNone(value):
                    updated = updated with { VerifiedRoleId = IsNone(value) ? null : value };
                    break;
                case CommandCatalog.StrictOption when TryBool(value, out var strict):
                    updated = updated with { Strict = strict };
                    break;
                case CommandCatalog.SchoolOption:
                    if (SetupSchool.Pick(schools, value, out var picked) is { } schoolProblem)
                    {
                        errors.Add(schoolProblem);
                    }
                    else
                    {
                        updated = updated with { School = picked.Name, SchoolId = picked.Id };
                    }

                    break;
                case CommandCatalog.CampaignOption when campaigns.Find(value) is { } campaign:
                    updated = updated with { DefaultCampaignId = campaign.Id };
                    break;
                case CommandCatalog.CampaignOption:
                    errors.Add($"There is no campaign with that id. Campaigns: {string.Join(", ", campaigns.All.Select(c => c.Id))}.");
                    break;
                case CommandCatalog.ChannelOption or CommandCatalog.LeaderRoleOption or CommandCatalog.VerifiedRoleOption:
                    errors.Add($"{key} must be a {(key == CommandCatalog.ChannelOption ? "channel" : "role")} picked from the list.");
                    break;
                case CommandCatalog.StrictOption:
                    errors.Add("strict must be true or false.");
                    break;
                default:
                    errors.Add($"Unknown setting \"{Clip(key)}\".");
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Reply.Private("Nothing was changed:\n" + string.Join("\n", errors.Select(e => "• " + e)));
        }

        if (updated.Strict && updated.VerifiedRoleId is null)
        {
            return Reply.Private("Nothing was changed: strict mode needs a verified role (verified_role:<role>).");
        }

        updated = updated with { Present = true, UpdatedAt = ctx.Now };
        await servers.SaveAsync(updated, ct);
        await audit.AppendAsync(new AuditEntry(AuditActions.Setup, ctx.Actor.Server, ctx.Actor.IdentityKey,
            "changed=" + string.Join(',', known.Keys.Order(StringComparer.Ordinal)), ctx.Now), ct);
        return Reply.Private("Saved.\n" + Describe(updated));
    }

    private static string Describe(ServerSettings s)
    {
        var text = new StringBuilder("PetitionBot settings for this server:\n");
        text.Append("• Announcement channel: ").Append(s.AnnouncementChannelId is null ? "not set" : Mention.Channel(s.AnnouncementChannelId))
            .Append(s.ChannelProblem is null ? "" : $" (paused: {s.ChannelProblem})").Append('\n');
        text.Append("• Chapter-leader role: ").Append(s.LeaderRoleId is null ? "not set" : Mention.Role(s.LeaderRoleId)).Append('\n');
        text.Append("• Verified role: ").Append(s.VerifiedRoleId is null ? "not set" : Mention.Role(s.VerifiedRoleId))
            .Append(s.Strict ? " (strict: only verified members may sign)" : "").Append('\n');
        text.Append("• School: ").Append(s.School ?? "not set").Append('\n');
        text.Append("• Default campaign: ").Append(s.DefaultCampaignId ?? "not set");
        return text.ToString();
    }

    private static bool IsId(string value) => value.Length is > 0 and <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsNone(string value) => string.Equals(value, "none", StringComparison.OrdinalIgnoreCase);

    private static bool TryBool(string value, out bool result)
    {
        result = value.ToLowerInvariant() is "true" or "yes" or "on" or "1";
        return result || value.ToLowerInvariant() is "false" or "no" or "off" or "0";
    }

    private static string Clip(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
