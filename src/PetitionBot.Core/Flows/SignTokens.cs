using System.Security.Cryptography;
using System.Text;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Flows;

/// <summary>The sign flow's first steps carry their state in the button and form tokens instead of a draft:
/// "sg:&lt;draft id&gt;:&lt;campaign&gt;:&lt;state&gt;:&lt;expiry&gt;:&lt;mac&gt;" (choices) and the same under "sgf" (the form). The state is
/// only indexes and words the flow made itself ("r1" a role, "r1n"/"r1c" a role and named/counted, "none", "x"), never
/// anything typed. The MAC (<see cref="IDraftStore.MacToken"/>) covers the prefix, draft id, campaign, state and expiry (unix seconds, hex) and binds
/// them to the person the token was made for: another person's token, an edited role or a token moved to another
/// campaign reads as expired. Everything it names is checked again against the campaign when used.</summary>
public static class SignTokens
{
    public static string Make(IDraftStore drafts, string ownerKey, string prefix, string draftId, string campaignId, string state,
        DateTimeOffset expiresAt)
    {
        var body = Token.Make(prefix, draftId, campaignId, state, Convert.ToString(expiresAt.ToUnixTimeSeconds(), 16));
        return Token.Make(body, drafts.MacToken(ownerKey, body));
    }

    /// <summary>The draft id, campaign id and state of a token made by <see cref="Make"/> for <paramref name="ownerKey"/>.</summary>
    public static bool TryRead(IDraftStore drafts, string ownerKey, string? token, string prefix, out SignTokenState read)
    {
        read = default;
        if (!Token.TrySplit(token, prefix, 6, out var parts))
        {
            return false;
        }

        var expected = drafts.MacToken(ownerKey, Token.Make(parts[..5]));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[5])))
        {
            return false;
        }

        long seconds;
        try
        {
            seconds = Convert.ToInt64(parts[4], 16);
        }
        catch (FormatException)
        {
            return false;
        }

        read = new SignTokenState(parts[1], parts[2], parts[3], DateTimeOffset.FromUnixTimeSeconds(seconds));
        return true;
    }
}
