using LiteDB;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Reads a collection's documents as store-neutral rows (for <c>petitionbot migrate</c>). Scalar fields only:
/// the copied collections hold no nested values.</summary>
public static class LiteDbExport
{
    public static IEnumerable<StoreRow> Rows(LiteDbContext db, string collection) =>
        db.Database.GetCollection(collection).FindAll().Select(doc => new StoreRow(
            doc.ToDictionary(kv => kv.Key == "_id" ? "Id" : kv.Key, kv => Value(kv.Value))));

    private static object? Value(BsonValue v) => v.Type switch
    {
        BsonType.Null => null,
        BsonType.Int32 => v.AsInt32,
        BsonType.Int64 => v.AsInt64,
        BsonType.String => v.AsString,
        BsonType.Boolean => v.AsBoolean,
        BsonType.Binary => v.AsBinary,
        BsonType.Double => v.AsDouble,
        _ => v.ToString(),
    };
}
