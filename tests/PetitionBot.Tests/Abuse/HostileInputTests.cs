using CsCheck;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Abuse;

/// <summary>Property tests: arbitrary text in every field, option and token never breaks the core, never touches someone
/// else's data, and always gets a readable reply.</summary>
public sealed class HostileInputTests : IDisposable
{
    private const string InternalError = "something went wrong on our side";
    private static readonly string[] Specials =
    [
        "", " ", "\t\n", "\u202Eevil", "\uD800", "@everyone <@&1>", "<!channel>", "=HYPERLINK(\"x\")",
        "sg:aaaaaaaaaaaaaaaa:named", "sgf:", "us:test:yes", "md:confirm", "upf:test:all", new string('x', 100_000),
        "sg:" + new string('a', 16) + ":r0", "../../etc/passwd", "\0\0\0",
    ];

    private static readonly Gen<string> Nasty = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 400].Select(a => new string(a)),
        Gen.Int[0, Specials.Length - 1].Select(i => Specials[i]));


    private readonly TempDirectory _dir = new();
    private readonly IHost _host;
    private readonly IPetitionBot _bot;

    public HostileInputTests()
    {
        _host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Abuse:InteractionsPerMinute"] = "100000000" }),
        });
        _bot = _host.Services.GetRequiredService<IPetitionBot>();
    }

    [Fact]
    public async Task Handle_ArbitraryCommandsAndOptions_AlwaysAClearReply()
    {
        var actor = new Actor(PlatformKind.Discord, "1", "2", [], true, "discord:2");
        await Gen.Select(Nasty, Nasty, Nasty).SampleAsync(async (command, key, value) =>
        {
            var reply = await _bot.HandleAsync(CommandInput.Create(actor, "c", command, new Dictionary<string, string> { [key] = value }));
            AssertClear(reply);
            reply = await _bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Setup, new Dictionary<string, string> { [CommandCatalog.SchoolOption] = value, [key] = value }));
            AssertClear(reply);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task Handle_ArbitraryTokensAndFields_NeverAnUnhandledFailure()
    {
        var actor = new Actor(PlatformKind.Slack, "T1", "U1", [], false, "slack:T1:U1");
        await Gen.Select(Nasty, Nasty, Nasty).SampleAsync(async (token, field, value) =>
        {
            AssertClear(await _bot.HandleAsync(new ChoiceInput(actor, "c", token, [value])));
            AssertClear(await _bot.HandleAsync(new FormInput(actor, "c", token, new Dictionary<string, string> { [field] = value, ["name"] = value, ["school"] = value, ["stage"] = value })));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task Submit_ArbitraryFormValues_NothingHalfSavedAndValidValuesSign()
    {
        await Gen.Select(Nasty, Nasty, Nasty, Gen.Int[0, 1_000_000]).SampleAsync(async (name, school, stage, id) =>
        {
            var actor = new Actor(PlatformKind.Discord, "1", id.ToString(System.Globalization.CultureInfo.InvariantCulture), [], false, "discord:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var start = await _bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Sign));
            if (start.Choices.Count == 0)
            {
                return; // this generated id already signed in an earlier sample
            }

            var naming = await _bot.HandleAsync(ChoiceInput.Button(actor, "c", start.Choices[0].Token));
            var form = await _bot.HandleAsync(ChoiceInput.Button(actor, "c", naming.Choices[0].Token));
            var reply = await _bot.HandleAsync(new FormInput(actor, "c", form.Form!.Token,
                new Dictionary<string, string> { ["name"] = name, ["school"] = school, ["stage"] = stage }));
            AssertClear(reply);
            if (reply.FieldErrors.Count > 0)
            {
                Assert.Null(await _host.Services.GetRequiredService<ISignatureStore>().FindAsync("test", actor.IdentityKey));
            }
        }, iter: 200, threads: 1);
    }

    [Fact]
    public async Task Handle_AnotherUsersTokens_ChangeNothingOfTheirs()
    {
        var victim = new Actor(PlatformKind.Discord, "1", "10", [], false, "discord:10");
        var start = await _bot.HandleAsync(CommandInput.Create(victim, "c", CommandCatalog.Sign));
        var naming = await _bot.HandleAsync(ChoiceInput.Button(victim, "c", start.Choices[0].Token));
        var form = await _bot.HandleAsync(ChoiceInput.Button(victim, "c", naming.Choices[0].Token));
        var confirm = await _bot.HandleAsync(new FormInput(victim, "c", form.Form!.Token,
            new Dictionary<string, string> { ["name"] = "Victim Name", ["school"] = "UC Davis", ["stage"] = "MS1" }));
        Assert.Equal("Sign with my name", confirm.Choices[0].Label);
        var tokens = confirm.Choices.Select(c => c.Token).Append(form.Form.Token).ToList();

        await Gen.Int[11, 100_000].SampleAsync(async attackerId =>
        {
            var attacker = new Actor(PlatformKind.Discord, "1", attackerId.ToString(System.Globalization.CultureInfo.InvariantCulture), [], true, "discord:" + attackerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var token in tokens)
            {
                var reply = await _bot.HandleAsync(ChoiceInput.Button(attacker, "c", token));
                Assert.Contains("expired or is not yours", reply.Text);
                reply = await _bot.HandleAsync(new FormInput(attacker, "c", token,
                    new Dictionary<string, string> { ["name"] = "Attacker", ["school"] = "X School", ["stage"] = "MS1" }));
                Assert.Contains("expired or is not yours", reply.Text);
            }
        }, iter: 50, threads: 1);

        var store = _host.Services.GetRequiredService<ISignatureStore>();
        Assert.Equal(0, (await store.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
        var done = await _bot.HandleAsync(ChoiceInput.Button(victim, "c", confirm.Choices[0].Token));
        Assert.StartsWith("Signed", done.Text);
        Assert.Equal("Victim Name", (await store.FindAsync("test", victim.IdentityKey))!.FullName);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    private static void AssertClear(Reply reply)
    {
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.DoesNotContain(InternalError, reply.Text);
        Assert.True(reply.Text.Length < 20_000, "replies stay readable even when the input was huge");
    }
}
