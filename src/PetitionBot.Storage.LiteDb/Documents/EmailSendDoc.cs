namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>One verification code sent, counted against a person or an address (<see cref="Subject"/>: a keyed hash,
/// prefixed "p:" or "m:"). Person and address are two separate documents, so nothing here links a person to an address.
/// Purged after an hour.</summary>
internal sealed class EmailSendDoc
{
    public long Id { get; set; }

    public string Subject { get; set; } = "";

    public long AtTicks { get; set; }
}
