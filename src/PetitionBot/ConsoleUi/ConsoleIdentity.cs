using PetitionBot.Core.Model;

namespace PetitionBot.ConsoleUi;

/// <summary>The console's local "server" and the actor for a role. Leaders hold the local leader role and, like
/// organizers, administer the local server; organizers are "console:organizer" (added to Organizers in console mode).</summary>
public static class ConsoleIdentity
{
    public const string ServerId = "local";
    public const string LeaderRoleId = "leader";
    public const string ChannelId = "announcements";
    public const string OrganizerKey = "console:organizer";

    /// <summary>A named organizer (<c>--as organizer --user ana</c>) is "organizer-ana"; students and leaders can never
    /// take a name starting with "organizer", so they never share an organizer's identity.</summary>
    public const string OrganizerPrefix = "organizer-";

    public static ServerRef Server { get; } = new(PlatformKind.Console, ServerId);

    public static Actor ActorFor(ConsoleRole role, string? user) => role switch
    {
        ConsoleRole.Organizer => Local(Clean(user) is { } name ? $"{OrganizerPrefix}{name}" : "organizer", [LeaderRoleId], isServerAdmin: true),
        ConsoleRole.Leader => Local(Clean(user) ?? "leader", [LeaderRoleId], isServerAdmin: true),
        _ => Local(Clean(user) ?? "student", [], isServerAdmin: false),
    };

    /// <summary>The console's identity key: "console:&lt;user&gt;".</summary>
    public static string KeyOf(string userId) => $"console:{userId}";

    private static Actor Local(string userId, IReadOnlyList<string> roleIds, bool isServerAdmin) =>
        new(PlatformKind.Console, ServerId, userId, roleIds, isServerAdmin, KeyOf(userId));

    public static bool IsOrganizer(Actor actor) =>
        actor.Platform == PlatformKind.Console && (actor.UserId == "organizer" || actor.UserId.StartsWith(OrganizerPrefix, StringComparison.Ordinal));

    /// <summary>The name shown for an actor: "organizer", "organizer \"ana\"", "chapter leader \"leader\"", "student \"ben\"".</summary>
    public static string Describe(Actor actor) => actor switch
    {
        { UserId: "organizer" } => "organizer",
        _ when IsOrganizer(actor) => $"organizer \"{actor.UserId[OrganizerPrefix.Length..]}\"",
        { IsServerAdmin: true } => $"chapter leader \"{actor.UserId}\"",
        _ => $"student \"{actor.UserId}\"",
    };

    public static ConsoleRole RoleOf(Actor actor) =>
        IsOrganizer(actor) ? ConsoleRole.Organizer : actor.IsServerAdmin ? ConsoleRole.Leader : ConsoleRole.Student;

    public static bool TryParseRole(string? text, out ConsoleRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);

    private static string? Clean(string? user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return null;
        }

        var cleaned = new string(user.Trim().ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(32).ToArray());
        return cleaned.Length == 0 || cleaned.StartsWith("organizer", StringComparison.Ordinal) ? null : cleaned;
    }
}
