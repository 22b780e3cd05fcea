namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>One bucket of a breakdown: a school or a UTC day of a campaign.
/// Id = campaign|kind|key; <see cref="Group"/> = campaign|kind (indexed).</summary>
internal sealed class CounterDoc
{
    public string Id { get; set; } = "";

    public string Group { get; set; } = "";

    public string Key { get; set; } = "";

    public string Label { get; set; } = "";

    public int Count { get; set; }

    /// <summary>For a day bucket: the count per UTC hour (24 entries), so "last 24 h / 7 d" read a few day documents.</summary>
    public int[]? Hours { get; set; }
}
