namespace PetitionBot.Storage;

/// <summary>One stored record in a store-neutral form (field name → .NET value: string, int, long, bool, byte[] or
/// null), as the LiteDB documents name their fields. Used to copy a store into another and compare the two.</summary>
public sealed record StoreRow(IReadOnlyDictionary<string, object?> Fields)
{
    public object? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
}
