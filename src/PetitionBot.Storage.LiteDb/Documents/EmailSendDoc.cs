namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>One verification code sent, kept for an hour to limit sends per person and per address. Both hashes are
/// under the email key (<see cref="SecretKeys.HashEmail"/>), so this collection shares no hash with signatures'
/// identity hashes.</summary>
internal sealed class EmailSendDoc
{
    public LiteDB.ObjectId Id { get; set; } = LiteDB.ObjectId.Empty;

    public string IdentityHash { get; set; } = "";

    public string AddressHash { get; set; } = "";

    public long SentAtTicks { get; set; }
}
