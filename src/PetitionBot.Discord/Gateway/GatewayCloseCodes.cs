namespace PetitionBot.Discord.Gateway;

/// <summary>What a close code means for the next connection.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Our close code when the host stops: 1000 ends the session (the bot goes offline at once); 4000 keeps it
    /// resumable for the next process (restart).</summary>
    public static int ForStop(bool restart) => restart ? 4000 : 1000;

    public static bool IsFatal(int? code) => code is 4004 or (>= 4010 and <= 4014);

    /// <summary>4007 invalid seq, 4009 session timed out: reconnect with a new Identify.</summary>
    public static bool RequiresNewSession(int? code) => code is 4007 or 4009;

    public static string Describe(int? code) => code switch
    {
        4004 => "authentication failed (close code 4004): check Discord:Token",
        4010 => "invalid shard (close code 4010)",
        4011 => "sharding required (close code 4011)",
        4012 => "invalid API version (close code 4012)",
        4013 => "invalid intents (close code 4013)",
        4014 => "disallowed intents (close code 4014): enable them in the Developer Portal",
        null => "connection dropped",
        _ => $"closed with code {code}",
    };
}
