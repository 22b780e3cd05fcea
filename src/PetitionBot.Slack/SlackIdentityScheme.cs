using System.Text.RegularExpressions;

namespace PetitionBot.Slack;

/// <summary>Slack's identity keys: "slack:&lt;team id&gt;:&lt;user id&gt;" (a user id is unique within its workspace).
/// Keys already stored are matched by a keyed hash of this exact text: never change the format.</summary>
internal sealed partial class SlackIdentityScheme : IIdentityScheme
{
    public string OrganizerIdShape => "slack:<teamId>:<userId>";

    public bool IsOrganizerId(string organizerId) => OrganizerPattern().IsMatch(organizerId);

    public static string KeyOf(string teamId, string userId) => $"slack:{teamId}:{userId}";

    public static Actor ActorFor(string teamId, string userId, IReadOnlyList<string> roleIds, bool isServerAdmin) =>
        new(PlatformKind.Slack, teamId, userId, roleIds, isServerAdmin, KeyOf(teamId, userId));

    [GeneratedRegex("^slack:[A-Z0-9]{1,20}:[A-Z0-9]{1,20}$")]
    private static partial Regex OrganizerPattern();
}
