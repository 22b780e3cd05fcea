using Microsoft.Extensions.Configuration;
using PetitionBot.Cli;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Cli;

/// <summary><c>petitionbot check-config</c>: one test per error it reports, the warnings, and the valid case; it
/// builds no host and opens no database.</summary>
public sealed class ConfigCheckTests : IDisposable
{
    private const string DiscordToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.sEcReT_tOkEn-vAlUe0123456789abcdefgh";

    private readonly TempDirectory _dir = new();

    public static TheoryData<string, string?, string, string> OneBadSetting => new()
    {
        // key to change, its new value (null: removed), the key the error must name, a fragment of the message
        { "Campaigns:0:Id", "Not An Id", "Campaigns:0:Id", "lowercase letters" },
        { "Campaigns:0:Title", "", "Campaigns:0:Title", "is required" },
        { "Campaigns:0:Summary", " ", "Campaigns:0:Summary", "is required" },
        { "Campaigns:0:ExternalUrl", "http://example.org/public", "Campaigns:0:ExternalUrl", "https://" },
        { "Campaigns:0:EligibleRoles:0", "", "Campaigns:0:EligibleRoles", "1-4 roles" },
        { "Campaigns:0:Stages:0", new string('x', 31), "Campaigns:0:Stages", "at most 30 characters" },
        { "Campaigns:0:Goal", "0", "Campaigns:0:Goal", "positive" },
        { "Campaigns:0:Goal", "many", "Campaigns:0:Goal", "whole number" },
        { "Campaigns:0:Milestones:0", "-5", "Campaigns:0:Milestones", "positive" },
        { "Campaigns:0:Milestones:0", "fifty", "Campaigns:0:Milestones:0", "whole number" },
        { "Campaigns:0:ClosesAt", "next week", "Campaigns:0:ClosesAt", "date and time" },
        { "Organizers:0", "bob", "Organizers:0", "discord:<userId>" },
        { "Updates:MaxPerWindow", "0", "Updates:MaxPerWindow", "at least 1" },
        { "Updates:MaxLength", "2000", "Updates:MaxLength", "between 1 and 1500" },
        { "Updates:Window", "soon", "Updates:Window", "duration" },
        { "Flows:DraftLifetime", "2.00:00:00", "Flows:DraftLifetime", "at most 24 hours" },
        { "Storage:Path", "", "Storage:Path", "database file" },
        { "Storage:SecretKey", "c2hvcnQ=", "Storage:SecretKey", "32 random bytes" },
        { "Http:Urls", "ftp://127.0.0.1:21", "Http:Urls", "http(s) URLs" },
        { "Outbox:PollInterval", "fast", "Outbox:PollInterval", "duration" },
        { "Discord:Token", "Bot " + DiscordToken, "Discord:Token", "\"Bot \" prefix" },
        { "Discord:Token", "not-a-token", "Discord:Token", "three base64url parts" },
        { "Discord:ApplicationId", null, "Discord:ApplicationId", "required when Discord:Token is set" },
        { "Discord:ApplicationId", "petitionbot", "Discord:ApplicationId", "numeric id" },
        { "Discord:GuildIds:0", "general", "Discord:GuildIds:0", "numeric server" },
        { "Discord:GuildIds", "111,222", "Discord:GuildIds", "must be a list" },
        { "Discord:ApiBaseUrl", "http://discord.com/api/v10", "Discord:ApiBaseUrl", "https://" },
        { "Discord:PublicKey", "abc123", "Discord:PublicKey", "64 hexadecimal" },
        { "Slack:BotToken", "xoxp-1234-5678-user-token", "Slack:BotToken", "xoxb-" },
        { "Slack:BotToken", null, "Slack:BotToken", "required when Slack:AppToken is set" },
        { "Slack:AppToken", "xoxb-1234-5678-abcdef", "Slack:AppToken", "xapp-" },
        { "Slack:AppToken", null, "Slack:AppToken", "required when Slack:BotToken is set" },
        { "Slack:SigningSecret", "too-short", "Slack:SigningSecret", "32-character" },
        { "Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl", "absolute https://" },
        { "Slack:OAuthRedirectUri", "http://bot.example.org/slack/oauth", "Slack:OAuthRedirectUri", "https://" },
        { "Slack:ClientId", "123.456", "Slack:ClientSecret", "required when Slack:ClientId is set" },
        { "Slack:ClientSecret", "0123456789abcdef", "Slack:ClientId", "required when Slack:ClientSecret is set" },
        { "Email:From", "not an address", "Email:From", "mail address" },
        { "Email:Smtp:Security", "Tls13", "Email:Smtp:Security", "" },
        { "Email:PickupDirectory", " ", "Email:PickupDirectory", "must name a folder" },
    };

    [Theory]
    [MemberData(nameof(OneBadSetting))]
    public void Check_OneBadSetting_ReportsThatKeyOnly(string key, string? value, string reportedKey, string fragment)
    {
        var problems = ConfigCheck.Check(Configuration(new() { [key] = value }));

        Assert.False(problems.IsValid);
        Assert.Contains(problems.Errors, e => e.Contains(fragment, StringComparison.Ordinal));
        Assert.All(problems.Errors, e => Assert.StartsWith(reportedKey, e, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OAuthWithoutRedirectUri_ReportsThatKey()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Slack:ClientId"] = "123.456", ["Slack:ClientSecret"] = "0123456789abcdef" }));

        Assert.Equal("Slack:OAuthRedirectUri is required when Slack:ClientId and Slack:ClientSecret are set (the OAuth redirect is never built from the request's Host header)", Assert.Single(problems.Errors));
    }

    [Fact]
    public void Check_NegativeDirectMessageInterval_ReportsThatKey()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Notifications:DirectMessageInterval"] = "-00:00:01", ["Storage:SecretKey"] = Convert.ToBase64String(new byte[32]) }));

        Assert.Equal("Notifications:DirectMessageInterval must be between 00:00:00 and 00:01:00.", Assert.Single(problems.Errors));
    }

    [Fact]
    public void Check_KeyFileInTheDatabaseFolder_OneWarningNamingStorageKeyPath()
    {
        var problems = ConfigCheck.Check(Configuration());

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
        Assert.StartsWith("Storage:KeyPath: the secret key file is in the database's folder", Assert.Single(problems.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KeyFileInAnotherFolder_NoKeyWarning()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Storage:KeyPath"] = Path.Combine(Path.GetTempPath(), "secrets", "pb.key") }));

        Assert.Empty(problems.Warnings);
    }

    [Fact]
    public void Check_ValidBothPlatforms_NoErrorsNoWarnings()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Storage:SecretKey"] = Convert.ToBase64String(new byte[32]) }));

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
        Assert.Empty(problems.Warnings);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("email-required")]
    public void Check_EmailVerificationInChatWithoutSmtpHost_WarnsThatSignersCannotReadThePickupFolder(string mode)
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Campaigns:0:Verification"] = mode }));

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
        var warning = Assert.Single(problems.Warnings, w => w.Contains("Email:Smtp:Host is not set", StringComparison.Ordinal));
        Assert.Contains("signers in Discord or Slack cannot read", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmailVerificationWithSmtpHost_NoPickupWarning()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Campaigns:0:Verification"] = "email", ["Email:Smtp:Host"] = "smtp.example.org" }));

        Assert.DoesNotContain(problems.Warnings, w => w.Contains("Email:Smtp:Host", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_EmailVerificationConsoleOnly_NoPickupWarning()
    {
        var changes = WithoutPlatforms();
        changes["Campaigns:0:Verification"] = "email-required";

        var problems = ConfigCheck.Check(Configuration(changes));

        Assert.DoesNotContain(problems.Warnings, w => w.Contains("Email:Smtp:Host", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_HttpLoopbackApiUrlsAndGuildList_Valid()
    {
        var problems = ConfigCheck.Check(Configuration(new()
        {
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:5005/api/v10",
            ["Slack:ApiBaseUrl"] = "http://localhost:5006/api/",
            ["Discord:GuildIds:0"] = "111111111111111111",
            ["Discord:GuildIds:1"] = "222222222222222222",
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        }));

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080;https://127.0.0.1:8443")]
    public void Check_HttpUrlsAnyInterface_Valid(string urls)
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Http:Urls"] = urls }));

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
    }

    [Fact]
    public void Check_DiscordApplicationIdWithoutToken_ReportsToken()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Discord:Token"] = null }));

        Assert.Equal(["Discord:Token is required when Discord:ApplicationId is set"], problems.Errors);
    }

    [Fact]
    public void Check_DiscordPublicKeyWithoutApplicationId_ReportsApplicationId()
    {
        var problems = ConfigCheck.Check(Configuration(new()
        {
            ["Discord:Token"] = null,
            ["Discord:ApplicationId"] = null,
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        }));

        Assert.Equal(["Discord:ApplicationId is required when Discord:PublicKey is set"], problems.Errors);
    }

    [Fact]
    public void Check_NoPlatform_WarnsButIsValid()
    {
        var problems = ConfigCheck.Check(Configuration(WithoutPlatforms()));

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
        Assert.Contains(problems.Warnings, w => w.StartsWith("No chat platform is configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoOrganizers_WarnsButIsValid()
    {
        var problems = ConfigCheck.Check(Configuration(new() { ["Organizers:0"] = null }));

        Assert.True(problems.IsValid, string.Join("\n", problems.Errors));
        Assert.Contains(problems.Warnings, w => w.StartsWith("Organizers is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoCampaigns_ReportsCampaigns()
    {
        var settings = Settings().Where(kv => !kv.Key.StartsWith("Campaigns:", StringComparison.Ordinal)).ToDictionary();
        var problems = ConfigCheck.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal(["Campaigns: at least one campaign is required"], problems.Errors);
    }

    [Fact]
    public void Check_DuplicateCampaignId_ReportsSecondCampaign()
    {
        var settings = Settings();
        foreach (var (key, value) in Settings().Where(kv => kv.Key.StartsWith("Campaigns:0:", StringComparison.Ordinal)))
        {
            settings["Campaigns:1:" + key["Campaigns:0:".Length..]] = value;
        }

        var problems = ConfigCheck.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal(["Campaigns:1:Id 'test' is used twice"], problems.Errors);
    }

    [Fact]
    public async Task RunAsync_CheckConfigValid_PrintsValidExitsZeroAndCreatesNoFile()
    {
        var storage = Path.Combine(_dir.Path, "never", "petitionbot.db");
        var output = new CapturedOutput();
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["check-config"], TextReader.Null, output, error, Settings(new() { ["Storage:Path"] = storage }));

        Assert.Equal(0, code);
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(ConfigCheck.ValidMessage, lines[0]);
        Assert.StartsWith("School directory: ", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(storage)), "check-config must not create the database directory");
    }

    [Fact]
    public async Task RunAsync_CheckConfigWhileDatabaseInUse_StillChecks()
    {
        var settings = Settings();
        using var holder = new LiteDbContext(new StorageOptions { Path = settings["Storage:Path"]! });
        var output = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["check-config"], TextReader.Null, output, new CapturedOutput(), settings);

        Assert.Equal(0, code);
        Assert.Contains(ConfigCheck.ValidMessage, output.Text);
    }

    [Fact]
    public async Task RunAsync_CheckConfigWithErrors_ExitsTwoOneLinePerProblemAndNoSecrets()
    {
        const string userToken = "xoxp-999-888-secret-user-token";
        var error = new CapturedOutput();
        var output = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["check-config"], TextReader.Null, output, error, Settings(new()
        {
            ["Discord:Token"] = "Bot " + DiscordToken,
            ["Slack:BotToken"] = userToken,
            ["Slack:SigningSecret"] = "x",
        }));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Empty(output.Text);
        var lines = error.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("Configuration error: Discord:Token must be the token alone, without the \"Bot \" prefix", lines);
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Slack:BotToken must be a bot token", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Slack:SigningSecret must be", StringComparison.Ordinal));
        Assert.Equal("The configuration has 3 problems.", lines[^1]);
        Assert.DoesNotContain("sEcReT", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-user-token", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckConfigNoPlatform_WarnsAndExitsZero()
    {
        var output = new CapturedOutput();
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["check-config"], TextReader.Null, output, error, Settings(WithoutPlatforms()));

        Assert.Equal(0, code);
        Assert.Contains("Warning: No chat platform is configured", error.Text);
        Assert.Contains(ConfigCheck.ValidMessage, output.Text);
    }

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string?> WithoutPlatforms() => new()
    {
        ["Discord:Token"] = null,
        ["Discord:ApplicationId"] = null,
        ["Slack:BotToken"] = null,
        ["Slack:AppToken"] = null,
    };

    private Dictionary<string, string?> Settings(Dictionary<string, string?>? changes = null)
    {
        var settings = TestConfig.For(_dir.Path, new Dictionary<string, string?>
        {
            ["Organizers:0"] = "discord:123456789012345678",
            ["Discord:Token"] = DiscordToken,
            ["Discord:ApplicationId"] = "123456789012345678",
            ["Slack:BotToken"] = "xoxb-1234-5678-abcdefghijkl",
            ["Slack:AppToken"] = "xapp-1-A0123456789-1234-abcdef",
        });
        foreach (var (key, value) in changes ?? [])
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    private IConfiguration Configuration(Dictionary<string, string?>? changes = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(Settings(changes)).Build();
}
