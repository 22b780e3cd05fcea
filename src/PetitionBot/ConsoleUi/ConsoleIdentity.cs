using PetitionBot.Core.Model;

namespace PetitionBot.ConsoleUi;

/// <summary>The console's local "server" and the actor for a role. Leaders hold the local leader role and, like
/// organizers, administer the local server; organizers are "console:organizer" (added to Organizers in console mode).</summary>
public static class ConsoleIdentity
{
    public const string WorkspaceId = "local";
    public const string LeaderRoleId = "leader";
    public const string ChannelId = "announcements";
    public const string OrganizerKey = "console:organizer";

    public static WorkspaceRef Workspace { get; } = new(PlatformKind.Console, WorkspaceId);

    public static Actor ActorFor(ConsoleRole role, string? user) => role switch
    {
        ConsoleRole.Organizer => new Actor(PlatformKind.Console, WorkspaceId, "organizer", [LeaderRoleId], IsServerAdmin: true),
        ConsoleRole.Leader => new Actor(PlatformKind.Console, WorkspaceId, Clean(user) ?? "leader", [LeaderRoleId], IsServerAdmin: true),
        _ => new Actor(PlatformKind.Console, WorkspaceId, Clean(user) ?? "student", [], IsServerAdmin: false),
    };

    public static bool TryParseRole(string? text, out ConsoleRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);

    private static string? Clean(string? user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return null;
        }

        var cleaned = new string(user.Trim().ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(32).ToArray());
        return cleaned.Length == 0 || cleaned == "organizer" ? null : cleaned;
    }
}
