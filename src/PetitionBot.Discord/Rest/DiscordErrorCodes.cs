namespace PetitionBot.Discord.Rest;

/// <summary>Discord JSON error codes the adapter acts on.</summary>
internal static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownInteraction = 10062;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int AlreadyAcknowledged = 40060;
    public const int UnknownUser = 10013;
    public const int CannotSendToUser = 50007;
}
