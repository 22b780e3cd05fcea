using System.Globalization;
using System.Text;
using CsvHelper;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;
using PetitionBot.Reports;

namespace PetitionBot.Tests.Reports;

public sealed class CsvSignerExportWriterTests
{
    private const string CampaignId = "sensitive-areas";
    private static readonly char[] InjectionStarts = ['=', '+', '-', '@', '\t', '\r'];

    private readonly CsvSignerExportWriter writer = new();

    [Fact]
    public void Write_MixedSignatures_ReturnsSignersAndSchoolsCsvFiles()
    {
        var files = writer.Write(CampaignId, Signatures(), Stats());

        Assert.Collection(
            files,
            f => Assert.Equal(("sensitive-areas-signers.csv", "text/csv"), (f.FileName, f.ContentType)),
            f => Assert.Equal(("sensitive-areas-schools.csv", "text/csv"), (f.FileName, f.ContentType)));
        Assert.All(files, f => Assert.Equal(f.Content, Encoding.UTF8.GetBytes(new UTF8Encoding(false, true).GetString(f.Content))));
    }

    [Fact]
    public void Write_MixedSignatures_SignersFileParsesBackToExactlyTheNamedSigners()
    {
        var signatures = Signatures();

        var (header, rows) = Read(writer.Write(CampaignId, signatures, Stats())[0].Content);

        Assert.Equal(["name", "stage", "school", "signed_at", "verification"], header);
        var expected = signatures
            .Where(s => s.FullName is not null)
            .OrderBy(s => s.SignedAt)
            .Select(s => new[] { s.FullName!, s.Stage, s.School, s.SignedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), VerificationText.Label(s.Verification) })
            .ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Write_CountedOnlySigners_AreAbsentFromSignersFile()
    {
        var signatures = Signatures();
        var countedOnly = signatures.Where(s => s.FullName is null).ToList();
        Assert.NotEmpty(countedOnly);

        var (_, rows) = Read(writer.Write(CampaignId, signatures, Stats())[0].Content);

        Assert.Equal(signatures.Count - countedOnly.Count, rows.Count);
        Assert.All(rows, row => Assert.False(string.IsNullOrEmpty(row[0])));
        var signedAt = rows.Select(row => row[3]).ToHashSet();
        Assert.All(countedOnly, s => Assert.DoesNotContain(s.SignedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), signedAt));
    }

    [Fact]
    public void Write_Stats_SchoolsFileCountsIncludeCountedOnlySigners()
    {
        var (header, rows) = Read(writer.Write(CampaignId, Signatures(), Stats())[1].Content);

        Assert.Equal(["school", "signatures", "school_id", "school_email", "server_role", "self_attested"], header);
        Assert.Equal(
            [["Universidad Central del Caribe", "3", "ucc"], ["UCSF School of Medicine", "2", "ucsf"], ["Other: St Georges", "1", "other"]],
            rows.Select(r => r[..3]).ToList());
    }

    [Fact]
    public void Write_SignedAtWithOffset_WritesUtcIsoDateTime()
    {
        var signature = Signature("x", "Ana Ruiz", new DateTimeOffset(2025, 3, 1, 20, 30, 15, TimeSpan.FromHours(-5)));

        var (_, rows) = Read(writer.Write(CampaignId, [signature], Stats())[0].Content);

        Assert.Equal("2025-03-02T01:30:15Z", Assert.Single(rows)[3]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void Write_FormulaLikeName_IsEscaped(string name)
    {
        var signature = Signature("f", name, At(1));

        var content = writer.Write(CampaignId, [signature], Stats())[0].Content;

        using var reader = CsvReader.Create(content, ReaderOptions());
        Assert.True(reader.Read());
        var raw = Encoding.UTF8.GetString(reader.GetRawSpan(0));
        var cell = raw.StartsWith('"') ? raw[1..] : raw;
        Assert.DoesNotContain(cell[0], InjectionStarts);
        var value = reader.GetString(0);
        Assert.DoesNotContain(value[0], InjectionStarts);
        Assert.Equal("'" + name, value);
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    public void Write_FormulaLikeSchoolAndStage_AreEscapedInBothFiles(string text)
    {
        var signature = Signature("s", "Ana Ruiz", At(1), school: text, stage: text);
        var stats = CampaignStats.Empty(CampaignId) with
        {
            BySchool = [new CountBy("k", text, 1)],
            BySchoolVerification = [new CountBy("k|SelfAttested", "SelfAttested", 1)],
        };

        var files = writer.Write(CampaignId, [signature], stats);

        var (_, signers) = Read(files[0].Content);
        Assert.Equal("'" + text, signers[0][1]);
        Assert.Equal("'" + text, signers[0][2]);
        var (_, schools) = Read(files[1].Content);
        Assert.Equal(["'" + text, "1", "k", "0", "0", "1"], schools[0]);
    }

    [Theory]
    [InlineData("\u200B=HYPERLINK(\"http://x\")")]
    [InlineData(" \uFEFF+1")]
    public void Write_FormulaBehindInvisibleCharacters_Escaped(string text)
    {
        var signature = Signature("s", text, At(1), school: text);
        var stats = CampaignStats.Empty(CampaignId) with { BySchool = [new CountBy("k", text, 1)] };

        var files = writer.Write(CampaignId, [signature], stats);

        var (_, signers) = Read(files[0].Content);
        Assert.Equal("'" + text, signers[0][0]);
        Assert.Equal("'" + text, signers[0][2]);
        var (_, schools) = Read(files[1].Content);
        Assert.Equal("'" + text, schools[0][0]);
    }

    [Fact]
    public void Write_VerifiedSigners_EachRowSaysHowAndSchoolsSplitByMethod()
    {
        var byEmail = Signature("a", "Ana Ruiz", At(1), verification: Verification.SchoolEmail, emailDomain: "ucsf.edu");
        var byRole = Signature("b", "Ben Ode", At(2), verification: Verification.RoleVerified);
        var stats = CampaignStats.Empty(CampaignId) with
        {
            BySchool = [new CountBy("ucsf", "UCSF", 3)],
            BySchoolVerification =
            [
                new CountBy("ucsf|SchoolEmail", "SchoolEmail", 1),
                new CountBy("ucsf|RoleVerified", "RoleVerified", 1),
                new CountBy("ucsf|SelfAttested", "SelfAttested", 1),
            ],
        };

        var files = writer.Write(CampaignId, [byEmail, byRole], stats);

        var (_, signers) = Read(files[0].Content);
        Assert.Equal(["school email (ucsf.edu)", "server role"], signers.Select(r => r[4]));
        var (header, schools) = Read(files[1].Content);
        Assert.Equal(["school", "signatures", "school_id", "school_email", "server_role", "self_attested"], header);
        Assert.Equal(["UCSF", "3", "ucsf", "1", "1", "1"], schools[0]);
    }

    [Theory]
    [InlineData("Ruiz, Ana")]
    [InlineData("Ana \"Nena\" Ruiz")]
    [InlineData("Ana\nRuiz")]
    [InlineData("Ana\r\nRuiz, \"MD\"")]
    [InlineData("José Núñez Ñandú")]
    [InlineData(" Ana Ruiz ")]
    public void Write_NameWithCommasQuotesOrNewlines_RoundTrips(string name)
    {
        var signatures = new[] { Signature("a", name, At(1)), Signature("b", "Second Signer", At(2)) };

        var (_, rows) = Read(writer.Write(CampaignId, signatures, Stats())[0].Content);

        Assert.Equal([name, "Second Signer"], rows.Select(r => r[0]));
        Assert.All(rows, row => Assert.Equal(5, row.Length));
    }

    [Fact]
    public void Write_NoSignatures_WritesHeadersOnly()
    {
        var files = writer.Write(CampaignId, [], CampaignStats.Empty(CampaignId));

        var (signersHeader, signers) = Read(files[0].Content);
        var (schoolsHeader, schools) = Read(files[1].Content);
        Assert.Equal(5, signersHeader.Count);
        Assert.Empty(signers);
        Assert.Equal(6, schoolsHeader.Count);
        Assert.Empty(schools);
    }

    [Fact]
    public void Write_CampaignIdWithPathCharacters_FileNamesCarryNoPath()
    {
        var files = writer.Write("../x/y", [], CampaignStats.Empty("../x/y"));

        Assert.All(files, f => Assert.DoesNotContain('/', f.FileName));
        Assert.All(files, f => Assert.DoesNotContain("..", f.FileName, StringComparison.Ordinal));
    }

    private static CsvReaderOptions ReaderOptions() => new() { Separator = ',', HasHeader = true, AllowLineBreaksInQuotes = true };

    private static (IReadOnlyList<string> Header, List<string[]> Rows) Read(byte[] content)
    {
        using var reader = CsvReader.Create(content, ReaderOptions());
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return ([.. reader.Headers], rows);
    }

    private static DateTimeOffset At(int day) => new(2025, 2, day, 14, 5, 9, TimeSpan.Zero);

    private static SignatureRecord Signature(string id, string? name, DateTimeOffset at, string school = "UCSF School of Medicine",
        string stage = "MS2", string role = "Medical student", PlatformKind platform = PlatformKind.Discord,
        Verification verification = Verification.SelfAttested, string? emailDomain = null) =>
        new(id, CampaignId, new SignerAnswers(platform, "guild-1", name, school, stage, role, verification, at), emailDomain);

    private static List<SignatureRecord> Signatures() =>
    [
        Signature("3", "Carmen Díaz", At(5), "Universidad Central del Caribe", stage: "PGY1", role: "Resident physician"),
        Signature("1", "Ana Ruiz", At(1)),
        Signature("2", null, At(2)),
        Signature("4", null, At(6), "Universidad Central del Caribe", stage: "MS4", platform: PlatformKind.Slack),
        Signature("5", "Luis O'Neil", At(3), "Universidad Central del Caribe", verification: Verification.RoleVerified),
    ];

    private static CampaignStats Stats() => CampaignStats.Empty(CampaignId) with
    {
        Total = 5,
        Named = 3,
        BySchool = [new CountBy("ucsf", "UCSF School of Medicine", 2), new CountBy("ucc", "Universidad Central del Caribe", 3), new CountBy("other:st georges", "St Georges", 1)],
    };
}
