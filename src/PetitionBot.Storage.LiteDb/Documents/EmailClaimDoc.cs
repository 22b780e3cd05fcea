namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>One verified address per campaign: <see cref="Id"/> = campaign + "|" + email hash. Inserted in the signing
/// transaction, so a second signature with the same address (from any platform) fails on the primary key.</summary>
internal sealed class EmailClaimDoc
{
    public string Id { get; set; } = "";

    public string SignatureId { get; set; } = "";
}
