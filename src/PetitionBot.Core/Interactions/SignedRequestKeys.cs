namespace PetitionBot.Core.Interactions;

/// <summary>Marks the handled-key of a delivery that arrived as a signed HTTP request (Discord HTTP interactions, Slack
/// HTTP mode). Anyone who captured such a request can send it again, after a restart too, so even a one-process store
/// keeps these keys on disk for their life. Gateway and Socket Mode deliveries come over the bot's own authenticated
/// connection: a third party cannot replay them, and within one process memory is enough.</summary>
public static class SignedRequestKeys
{
    public const string Prefix = "signed:";

    public static string For(string key) => Prefix + key;

    public static bool IsSigned(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);
}
