using System.Text.RegularExpressions;

namespace PetitionBot.Discord;

/// <summary>Discord's identity keys: "discord:&lt;user id&gt;" (one account across every guild). Keys already stored are
/// matched by a keyed hash of this exact text: never change the format.</summary>
internal sealed partial class DiscordIdentityScheme : IIdentityScheme
{
    public string OrganizerIdShape => "discord:<userId>";

    public bool IsOrganizerId(string organizerId) => OrganizerPattern().IsMatch(organizerId);

    public static string KeyOf(string userId) => $"discord:{userId}";

    public static Actor ActorFor(string guildId, string userId, IReadOnlyList<string> roleIds, bool isServerAdmin) =>
        new(PlatformKind.Discord, guildId, userId, roleIds, isServerAdmin, KeyOf(userId));

    [GeneratedRegex(@"^discord:\d{1,20}$")]
    private static partial Regex OrganizerPattern();
}
