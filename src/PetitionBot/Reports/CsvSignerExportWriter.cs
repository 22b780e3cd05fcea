using System.Globalization;
using CsvHelper;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;
using PetitionBot.Core.Ports;

namespace PetitionBot.Reports;

/// <summary>Writes the organizer's delivery list with CsvHelper: named signers in one file, per-school counts
/// (counted-only signers included) in another. Text cells that a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) are escaped by CsvHelper's own <see cref="CsvInjection.Escape"/>.</summary>
public sealed class CsvSignerExportWriter : ISignerExportWriter
{
    public const string ContentType = "text/csv";

    /// <summary>The column names of the signers file, in order.</summary>
    public static readonly IReadOnlyList<string> SignerColumns = ["name", "stage", "school", "signed_at", "verification"];

    /// <summary>The column names of the schools file, in order.</summary>
    public static readonly IReadOnlyList<string> SchoolColumns = ["school", "signatures", "school_id", "school_email", "server_role", "self_attested"];

    /// <summary>UTC, ISO 8601, to the second: 2025-01-31T18:04:05Z.</summary>
    public const string SignedAtFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // A byte order mark lets Excel read the UTF-8 names (accents) correctly; CSV readers skip it.
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
    };

    public IReadOnlyList<FileAttachment> Write(string campaignId, IEnumerable<SignatureRecord> signatures, CampaignStats stats)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(stats);

        var baseName = SafeFileStem(campaignId);
        return
        [
            new FileAttachment($"{baseName}-signers.csv", ContentType, WriteSigners(signatures)),
            new FileAttachment($"{baseName}-schools.csv", ContentType, WriteSchools(stats)),
        ];
    }

    private static byte[] WriteSigners(IEnumerable<SignatureRecord> signatures) =>
        WriteCsv(SignerColumns, signatures
            .Where(s => s.FullName is not null)
            .OrderBy(s => s.SignedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal), static (csv, signature) =>
            {
                csv.WriteField(SpreadsheetSafe(signature.FullName!));
                csv.WriteField(SpreadsheetSafe(signature.Stage));
                csv.WriteField(SpreadsheetSafe(signature.School));
                csv.WriteField(signature.SignedAt.ToUniversalTime(), SignedAtFormat);
                csv.WriteField(VerificationText.Label(signature.Verification, signature.EmailDomain));
            });

    private static byte[] WriteSchools(CampaignStats stats) =>
        WriteCsv(SchoolColumns, stats.BySchool
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Label, StringComparer.Ordinal), (csv, school) =>
            {
                var other = Core.Schools.SchoolKeys.IsOther(school.Key);
                csv.WriteField(SpreadsheetSafe(other ? "Other: " + school.Label : school.Label));
                csv.WriteField(school.Count, default);
                csv.WriteField(other ? Core.Schools.School.OtherId : school.Key);
                foreach (var method in VerificationText.Methods)
                {
                    csv.WriteField(stats.SchoolCount(school.Key, method), default);
                }
            });

    /// <summary>One CSV file: the header, then a record a row (<paramref name="writeRow"/> writes its fields).</summary>
    private static byte[] WriteCsv<T>(IReadOnlyList<string> header, IEnumerable<T> rows, Action<CsvWriter, T> writeRow)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                writeRow(csv, row);
                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>CsvHelper's guard looks at the first character only; a spreadsheet skips invisible format characters and
    /// white space before a formula. When the first visible character would start a formula, the cell gets the same
    /// leading apostrophe CsvHelper uses (CsvHelper then leaves it alone).</summary>
    internal static string SpreadsheetSafe(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.Format))
        {
            i++;
        }

        return i > 0 && i < text.Length && text[i] is '=' or '+' or '-' or '@' ? "'" + text : text;
    }

    /// <summary>Campaign ids come from configuration, but a file name must never carry a path.</summary>
    private static string SafeFileStem(string campaignId)
    {
        var chars = campaignId.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return new string(chars);
    }
}
