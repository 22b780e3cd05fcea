using CsvHelper;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.ConsoleUi;

public sealed class ConsoleSessionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Console_ScriptedNamedAndCountedOnlySigners_TotalsExportAndUnsignAgree()
    {
        var settings = TestConfig.For(_dir.Path);
        var output = await RunConsoleAsync(settings, ["console", "--as", "student", "--user", "ana"],
        [
            "/sign", "1", "1", "Ana Lopez", "UC Davis", "MS2", "1",
            "/user ben",
            "/sign", "2", "2", "UC Davis", "pgy1", "1",
            "wait-for:[#announcements] The petition passed 2 signatures!",
            "/as organizer",
            "/totals",
        ]);
        Assert.Contains("Signed — you are the first to sign", output);
        Assert.Contains("Signed — you are one of 2,", output);
        Assert.Contains("Total 2 (1 named, 1 counted only)", output);

        var csvPath = Path.Combine(_dir.Path, "out", "signers.csv");
        var error = new CapturedOutput();
        var exportOutput = new CapturedOutput();
        var code = await PetitionBotApp.RunAsync(["export", "--out", csvPath], TextReader.Null, exportOutput, error, settings);
        Assert.Equal(0, code);
        using (var csv = CsvReader.Create(await File.ReadAllBytesAsync(csvPath), new CsvReaderOptions { Separator = ',', HasHeader = true }))
        {
            var names = new List<string>();
            while (csv.Read())
            {
                names.Add(csv.GetString(0));
            }

            Assert.Equal(["Ana Lopez"], names);
        }

        Assert.DoesNotContain("Ben Ortiz", await File.ReadAllTextAsync(csvPath));

        output = await RunConsoleAsync(settings, ["console", "--as", "student", "--user", "ana"],
            ["/unsign", "1", "/as organizer", "/totals"]);
        Assert.Contains("Your signature and its data were deleted", output);
        Assert.Contains("Total 1 (0 named, 1 counted only)", output);
    }

    [Fact]
    public async Task Console_OptInAfterSigning_ResponseAndDeliveryPrintedOnceAsPrivateMessages()
    {
        var settings = TestConfig.For(_dir.Path, new Dictionary<string, string?>
        {
            ["Campaigns:0:Notifications"] = "true",
            ["Campaigns:0:Recipients:0"] = "Association of American Medical Colleges (AAMC)",
            ["Notifications:DirectMessageInterval"] = "00:00:00.050",
        });
        var output = await RunConsoleAsync(settings, ["console", "--as", "student", "--user", "ana"],
        [
            "/sign", "1", "1", "Ana Lopez", "UC Davis", "MS2", "1",
            "1",
            "/as organizer",
            "/respond recipient:AAMC text:\"We will review the guidance.\"",
            "wait-for:[private message to ana] Test petition",
            "/delivered",
            "wait-for:[private message to ana] Test petition\nThe petition \"Test petition\" was delivered on",
            "/delivered",
        ]);

        Assert.Contains("1) Message me when it is delivered or answered", output);
        Assert.Contains("Done: PetitionBot will send you one private message", output);
        Assert.Equal(2, output.Split("[private message to ana]").Length - 1);
        Assert.Contains("The petition was already marked delivered", output);
    }

    [Fact]
    public async Task Console_NoneOfThese_StoresNothingAndGivesPublicLink()
    {
        var settings = TestConfig.For(_dir.Path);
        var output = await RunConsoleAsync(settings, ["console"], ["/sign", "3", "/as organizer", "/totals"]);
        Assert.Contains("https://example.org/public", output);
        Assert.Contains("Total 0", output);
    }

    [Fact]
    public async Task Console_InvalidFormField_ExplainsAndSavesNothing()
    {
        var settings = TestConfig.For(_dir.Path);
        var output = await RunConsoleAsync(settings, ["console"], ["/sign", "1", "1", "   ", "UC Davis", "MS9", "/as organizer", "/totals"]);
        Assert.Contains("Full name is required.", output);
        Assert.Contains("Training stage must be one of", output);
        Assert.Contains("Total 0", output);
    }

    [Fact]
    public async Task Console_LeaderUpdate_IsPrintedAsPostedAndFourthIsRefused()
    {
        var settings = TestConfig.For(_dir.Path);
        var steps = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            steps.AddRange(["/update", $"Chapter meeting number {i}", "1", $"wait-for:[#announcements] Chapter update\nChapter meeting number {i}"]);
        }

        steps.AddRange(["/update"]);
        var output = await RunConsoleAsync(settings, ["console", "--as", "leader"], steps);
        Assert.Contains("[#announcements] Chapter update", output);
        Assert.Contains("already posted 3 updates in the last 24 hours", output);
        Assert.Contains("The next update can be posted in", output);
        Assert.Contains("1) Post", output);
    }

    [Fact]
    public async Task Console_SetupInTheFormsItShows_Accepted()
    {
        var settings = TestConfig.For(_dir.Path);

        var output = await RunConsoleAsync(settings, ["console", "--as", "leader"],
            ["/setup channel:#announcements verified_role:@leader", "/setup #announcements leader_role:@leader", "/setup"]);

        Assert.DoesNotContain("picked from the list", output);
        Assert.DoesNotContain("Nothing was changed", output);
        Assert.Contains("Saved.", output);
        Assert.Contains("• Announcement channel: #announcements", output);
        Assert.Contains("• Verified role: @leader", output);
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<string> RunConsoleAsync(Dictionary<string, string?> settings, string[] args, IEnumerable<string> steps)
    {
        var output = new CapturedOutput();
        var error = new CapturedOutput();
        var input = new ScriptedInput(steps, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await PetitionBotApp.RunAsync(args, input, output, error, settings, timeout.Token);
        Assert.True(code == 0, $"exit {code}: {error.Text}\n{output.Text}");
        return output.Text;
    }
}
