using System.Security.Cryptography;
using System.Text;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Flows;

/// <summary>The sign flow's first steps carry their state in the button and form tokens instead of a draft:
/// "sg:&lt;draft id&gt;:&lt;campaign&gt;:&lt;role&gt;:&lt;expiry&gt;:&lt;mac&gt;:&lt;action&gt;" (choices) and the same under "sgf" (the form). The role is an
/// index into the campaign's roles ("-" before one was chosen) and the action a word the flow made itself ("r1" choose
/// role 1, "named", "counted", "none", "cancel"), never anything typed; the action is last, like every other sign token. The MAC (<see cref="IDraftStore.MacToken"/>) covers the prefix, draft id, campaign, role, expiry (unix seconds, hex) and action and binds
/// them to the person the token was made for: another person's token, an edited role or a token moved to another
/// campaign reads as expired. Everything it names is checked again against the campaign when used.</summary>
public static class SignTokens
{
    /// <summary>The role part of a token made before a role was chosen.</summary>
    public const string NoRole = "-";

    public static string Make(IDraftStore drafts, string ownerKey, string prefix, string draftId, string campaignId, string role,
        string action, DateTimeOffset expiresAt)
    {
        var expiry = Convert.ToString(expiresAt.ToUnixTimeSeconds(), 16);
        var mac = drafts.MacToken(ownerKey, Token.Make(prefix, draftId, campaignId, role, expiry, action));
        return Token.Make(prefix, draftId, campaignId, role, expiry, mac, action);
    }

    /// <summary>What a token made by <see cref="Make"/> for <paramref name="ownerKey"/> carries; false for any other.</summary>
    public static bool TryRead(IDraftStore drafts, string ownerKey, string? token, string prefix, out SignTokenState read)
    {
        read = default;
        if (!Token.TrySplit(token, prefix, 7, out var parts))
        {
            return false;
        }

        var expected = drafts.MacToken(ownerKey, Token.Make(parts[0], parts[1], parts[2], parts[3], parts[4], parts[6]));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[5])))
        {
            return false;
        }

        long seconds;
        try
        {
            seconds = Convert.ToInt64(parts[4], 16);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }

        read = new SignTokenState(parts[1], parts[2], parts[3], parts[6], DateTimeOffset.FromUnixTimeSeconds(seconds));
        return true;
    }
}
