using Microsoft.Extensions.Options;
using PetitionBot.Core.Model;

namespace PetitionBot.Core.Campaigns;

/// <summary>Who may do what. Organizers come from configuration; chapter leaders hold the server's leader role;
/// server admins are reported by the platform.</summary>
public sealed class AccessPolicy(IOptionsMonitor<BotOptions> options)
{
    public bool IsOrganizer(Actor actor) => options.CurrentValue.Organizers.Contains(actor.IdentityKey, StringComparer.Ordinal);

    public static bool IsChapterLeader(Actor actor, ServerSettings? server) =>
        server?.LeaderRoleId is { Length: > 0 } role && actor.RoleIds.Contains(role, StringComparer.Ordinal);

    /// <summary>May see their school's numbers and post updates to their server.</summary>
    public static bool IsLeaderOrAdmin(Actor actor, ServerSettings? server) =>
        actor.IsServerAdmin || IsChapterLeader(actor, server);
}
