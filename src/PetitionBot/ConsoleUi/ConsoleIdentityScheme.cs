using System.Text.RegularExpressions;
using PetitionBot.Core.Ports;

namespace PetitionBot.ConsoleUi;

/// <summary>The local console's identity keys ("console:&lt;name&gt;", see <see cref="ConsoleIdentity.KeyOf"/>).</summary>
internal sealed partial class ConsoleIdentityScheme : IIdentityScheme
{
    public string OrganizerIdShape => "console:<name>";

    public bool IsOrganizerId(string organizerId) => OrganizerPattern().IsMatch(organizerId);

    [GeneratedRegex("^console:[a-z0-9_-]{1,32}$")]
    private static partial Regex OrganizerPattern();
}
