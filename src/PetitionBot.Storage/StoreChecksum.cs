using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PetitionBot.Storage;

/// <summary>A checksum of a collection that does not depend on the store: SHA-256 over the rows sorted by id, each row
/// the listed fields in order, values in one invariant text form.</summary>
public static class StoreChecksum
{
    public static string Compute(IEnumerable<StoreRow> rows, IReadOnlyList<string> fields, string idField)
    {
        var lines = rows.Select(r => (Id: Text(r[idField]), Line: Line(r, fields))).ToList()
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => p.Line);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(line));
            sha.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Line(StoreRow row, IReadOnlyList<string> fields) =>
        string.Join('\u001f', fields.Select(f => Text(row[f])));

    private static string Text(object? value) => value switch
    {
        null => "\u2205",
        byte[] bytes => "b:" + Convert.ToBase64String(bytes),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
