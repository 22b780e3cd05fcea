namespace PetitionBot.Storage;

/// <summary>The secret key (<c>Storage:SecretKey</c> or the file at <c>Storage:KeyPath</c>) is missing its bytes, unreadable or
/// not a key. <see cref="Exception.Message"/> is one line naming the setting, for the person running the bot.</summary>
public sealed class SecretKeyException(string message, Exception? inner = null) : Exception(message, inner);
