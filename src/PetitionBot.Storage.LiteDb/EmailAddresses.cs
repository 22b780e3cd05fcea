namespace PetitionBot.Storage.LiteDb;

/// <summary>How the store keys a mail address: normalized (trimmed, lower-case), then hashed with the email key.</summary>
internal static class EmailAddresses
{
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    public static string Hash(SecretKeys keys, string address) => keys.HashEmail(Normalize(address));

    /// <summary>The part after the last '@' (lower-case), or empty.</summary>
    public static string Domain(string address)
    {
        var normalized = Normalize(address);
        var at = normalized.LastIndexOf('@');
        return at < 0 ? "" : normalized[(at + 1)..];
    }

    /// <summary>The unique key of a signature verified with this address in this campaign.</summary>
    public static string Key(string campaignId, string emailHash) => campaignId + "|" + emailHash;

    /// <summary>The send counters hash identities under the email key, prefixed so no value collides with an address.</summary>
    public static string IdentityHash(SecretKeys keys, string identityKey) => keys.HashEmail("identity\n" + identityKey);
}
