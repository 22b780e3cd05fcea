namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>One bucket of a breakdown: a school, a UTC day or a UTC hour of a campaign.
/// Id = campaign|kind|key; <see cref="Group"/> = campaign|kind (indexed).</summary>
internal sealed class CounterDoc
{
    public string Id { get; set; } = "";

    public string Group { get; set; } = "";

    public string Key { get; set; } = "";

    public string Label { get; set; } = "";

    public int Count { get; set; }
}
