namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>A recipient's response (collection "responses").</summary>
internal sealed class ResponseDoc
{
    public string Id { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public string Recipient { get; set; } = "";

    public int RespondedOnDayNumber { get; set; }

    public string? Text { get; set; }

    public string? Link { get; set; }

    public long RecordedAtTicks { get; set; }
}
