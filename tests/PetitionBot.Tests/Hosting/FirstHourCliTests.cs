using Microsoft.Extensions.Configuration;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Hosting;

/// <summary>What a new user meets in the first hour, through the real binary: help that creates nothing, settings
/// files with a typo, a database already in use, an unknown campaign, a petition link with no path.</summary>
public sealed class FirstHourCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("totals --help")]
    [InlineData("export -h")]
    [InlineData("help invalidate")]
    [InlineData("console --help")]
    public async Task Help_InAnEmptyFolder_PrintsUsageExitsZeroAndCreatesNothing(string args)
    {
        var (code, output, error) = await ChildProcess.RunAsync(_dir.Path, args.Split(' '));

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
        Assert.Contains("petitionbot", output);
        Assert.Contains("--Key=value", output);
        Assert.DoesNotContain("No chat platform", output + error);
        Assert.Equal("", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task Help_OfAVerb_ListsThatVerbsOptions()
    {
        var (code, output, _) = await ChildProcess.RunAsync(_dir.Path, ["invalidate", "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--campaign", output);
        Assert.Contains("--server", output);
        Assert.Contains("--since", output);
    }

    [Theory]
    [InlineData("bogus", "Unknown command \"bogus\"")]
    [InlineData("console --as wizard", "wizard")]
    [InlineData("invalidate", "--campaign")]
    [InlineData("totals protected-areas", "I did not understand \"protected-areas\"")]
    [InlineData("export --Storage:Path", "I did not understand \"--Storage:Path\"")]
    public async Task BadCommandLine_OneClearLineExitTwoCreatesNothing(string args, string expected)
    {
        var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, args.Split(' '));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("console")]
    [InlineData("totals")]
    [InlineData("export")]
    [InlineData("invalidate --campaign test --server discord:1")]
    [InlineData("check-config")]
    public async Task MalformedAppSettings_EveryVerb_ExitTwoWithFileLineAndPosition(string verb)
    {
        var file = Path.Combine(_dir.Path, "appsettings.json");
        await File.WriteAllTextAsync(file, "{\n  \"Storage\": {\n    \"Path\": \"x.db\"\n  }\n  \"Organizers\": []\n}\n");

        var (code, output, error) = await ChildProcess.RunAsync(_dir.Path, verb.Split(' '));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"Configuration error: {file} line 5, position 3: '\"' is invalid after a value. Expected either ',', '}}', or ']' (it is not valid JSON).", line);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "data")));
    }

    [Theory]
    [InlineData("appsettings.Local.json", null)]
    [InlineData("extra.json", "PETITIONBOT_CONFIG")]
    public async Task MalformedSettingsFile_LocalOrNamedByEnvironment_ExitTwoNamingIt(string name, string? variable)
    {
        var file = Path.Combine(_dir.Path, name);
        await File.WriteAllTextAsync(file, "{ \"Organizers\": [ \"discord:1\" ");
        var environment = variable is null ? null : new Dictionary<string, string> { [variable] = file };

        foreach (var verb in new[] { "totals", "check-config" })
        {
            var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, [verb], environment: environment);

            Assert.Equal(PetitionBotApp.ConfigError, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"Configuration error: {file} line 1, position ", line);
            Assert.Contains("(it is not valid JSON)", line);
        }
    }

    [Theory]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.GroupRead | UnixFileMode.GroupWrite)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeyFileOpenToOthers_EveryStoreVerb_OneLineNamingKeyPathExitTwo(UnixFileMode extra)
    {
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path));
        var (first, _, firstError) = await ChildProcess.RunAsync(_dir.Path, ["totals", .. args]);
        Assert.True(first == 0, firstError);
        var keyPath = Path.Combine(_dir.Path, "petitionbot.db.key");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        foreach (var verb in new[] { "totals", "export", "console" })
        {
            var (code, output, error) = await ChildProcess.RunAsync(_dir.Path, [verb, .. args]);

            Assert.Equal(PetitionBotApp.ConfigError, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Storage:KeyPath", line);
            Assert.Contains("chmod 600", line);
            Assert.DoesNotContain("   at ", output + error);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FirstStoreVerb_NewDataFolder_Folder700AndEveryStoreFile600()
    {
        var data = Path.Combine(_dir.Path, "data");
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(data, "pb.db") }));

        var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, ["totals", .. args]);

        Assert.True(code == 0, error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        var files = Directory.GetFiles(data);
        Assert.Contains(Path.Combine(data, "pb.db"), files);
        Assert.Contains(Path.Combine(data, "pb.db.key"), files);
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), f + ": " + File.GetUnixFileMode(f)));
    }

    [Theory]
    [InlineData("not a key at all")]
    [InlineData("c2hvcnQ=")]
    public async Task DamagedKeyFile_EveryStoreVerb_OneLineNamingKeyPathExitTwo(string content)
    {
        var keyPath = Path.Combine(_dir.Path, "pb.key");
        await File.WriteAllTextAsync(keyPath, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Storage:KeyPath"] = keyPath }));

        foreach (var verb in new[] { "totals", "export" })
        {
            var (code, output, error) = await ChildProcess.RunAsync(_dir.Path, [verb, .. args]);

            Assert.Equal(PetitionBotApp.ConfigError, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Storage:KeyPath", line);
            Assert.DoesNotContain("   at ", output + error);
        }

        Assert.Equal(content, await File.ReadAllTextAsync(keyPath));
    }

    [Fact]
    public async Task SecondConsole_DatabaseInUse_OnlyTheFriendlyLineExitThree()
    {
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path));
        using var holder = ChildProcess.Start(_dir.Path, ["console", .. args]);
        await holder.StandardInput.WriteLineAsync("/petition");
        await holder.StandardInput.FlushAsync();
        await ReadUntilAsync(holder.StandardOutput, "PetitionBot console");

        foreach (var verb in new[] { "console", "totals" })
        {
            var (code, output, error) = await ChildProcess.RunAsync(_dir.Path, [verb, .. args]);

            Assert.Equal(PetitionBotApp.StoreLocked, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("is in use by another PetitionBot process", line);
            Assert.DoesNotContain("Hosting failed", output + error);
        }

        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
    }

    [Fact]
    public async Task Totals_UnknownCampaign_ExitTwoNamingTheCampaigns()
    {
        var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, ["totals", "--campaign", "nope", .. ChildProcess.ConfigArgs(TestConfig.For(_dir.Path))]);

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains("nope", error);
        Assert.Contains("test", error);
    }

    [Theory]
    [InlineData("https://www.change.org/", "has no path")]
    [InlineData("https://www.change.org", "has no path")]
    [InlineData("https://www.change.org/p/REPLACE-with-your-petition", "placeholder")]
    public async Task ExternalUrlWithoutPath_CheckConfigAndConsoleStart_WarnOnceNamingTheKey(string url, string expected)
    {
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Campaigns:0:ExternalUrl"] = url }));

        var check = await ChildProcess.RunAsync(_dir.Path, ["check-config", .. args]);
        var console = await ChildProcess.RunAsync(_dir.Path, ["console", .. args], "/quit\n");

        foreach (var (code, _, error) in new[] { check, console })
        {
            Assert.Equal(0, code);
            var warning = Assert.Single(error.Split('\n'), l => l.Contains("ExternalUrl", StringComparison.Ordinal));
            Assert.StartsWith("Warning: Campaigns:0:ExternalUrl ", warning);
            Assert.Contains(expected, warning);
        }
    }

    [Fact]
    public async Task ExternalUrlWithPath_CheckConfig_NoWarning()
    {
        var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, ["check-config", .. ChildProcess.ConfigArgs(TestConfig.For(_dir.Path))]);

        Assert.Equal(0, code);
        Assert.DoesNotContain("ExternalUrl", error);
    }

    [Fact]
    public void ShippedExample_CampaignText_NamesThePolicyAndCreditsTheAuthors()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var summary = example["Campaigns:0:Summary"]!;

        Assert.Contains("2021 \"Sensitive Areas\" guidance", summary);
        Assert.Contains("protected areas", summary);
        Assert.Contains("January 21, 2025", summary);
        Assert.Contains("Nathaly Gonzalez MS and Isabella Reitz MS, Latino Medical Student Association", summary);
        Assert.Contains("REPLACE", example["Campaigns:0:ExternalUrl"]);
        Assert.NotEqual("/", new Uri(example["Campaigns:0:ExternalUrl"]!).AbsolutePath);
    }

    [Fact]
    public async Task CheckConfig_ShippedExampleAlone_WarnsTheLinkIsAPlaceholder()
    {
        var (code, output, error) = await ChildProcess.RunAsync(_dir.Path, ["check-config"]);

        Assert.Equal(0, code);
        Assert.Contains("Configuration is valid.", output);
        Assert.Contains("Warning: Campaigns:0:ExternalUrl is still the example's placeholder", error);
    }

    public void Dispose() => _dir.Dispose();

    private static async Task ReadUntilAsync(StreamReader reader, string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null)
        {
            if (line.Contains(fragment, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The child ended before printing \"{fragment}\".");
    }
}
