using System.Text.Json;
using CsCheck;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Abuse;

/// <summary>Issue 13: generated hostile text (format and bidi characters, mentions, the core's reference syntax,
/// 10,000-character strings, lone surrogates) through every command, then through every form and button those
/// commands lead to (sign form, school, email, code, update text, respond): no exception escapes, a refused form
/// changes nothing stored, and every refusal is one clear sentence.</summary>
public sealed class HostileFormWalkTests : IDisposable
{
    private const string Organizer = "900";
    private const string InternalError = "something went wrong on our side";

    private static readonly string[] Specials =
    [
        "\u200B=1+1", "Ana\u200BLopez", "\u200F\u202Eevil\u202C", "\uFEFFAna", "Ana\u00ADLopez", "\U000E0041\U000E0042tag",
        "\u2066Ana\u2069", "@everyone", "@here <@&123> <#456> <@789>", "<!channel> <!here>", "{@&123} {#456} {@789}",
        new string('a', 10_000), new string('\u200B', 10_000), "\uD800", "a\uDC00b", "\uDBFF\uDBFF", "\0", "\r\n\r\n",
        "UCSF", "University of California, San Francisco School of Medicine", "other: \u202Eevil school", "MS1", "PGY2",
        "ana@ucsf.edu", "ana@\u200Bucsf.edu", "123456", "000000", "2026-13-45", "https://example.org/\u202E", "javascript:alert(1)",
        "Ana Lopez", "=HYPERLINK(\"http://x\")", "+cmd", "-1", "'quoted'", "\"", "  ",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 300].Select(a => new string(a)),
        Gen.Int[0, Specials.Length - 1].Select(i => Specials[i]),
        Gen.Int[0, Specials.Length - 1].Select(Gen.Int[0, Specials.Length - 1], (a, b) => Specials[a] + Specials[b]));

    private readonly TempDirectory _dir = new();
    private readonly IHost _host;
    private readonly IPetitionBot _bot;

    public HostileFormWalkTests()
    {
        _host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?>
            {
                ["Abuse:InteractionsPerMinute"] = "100000000",
                ["Organizers:0"] = "discord:" + Organizer,
                ["Campaigns:0:Verification"] = "email",
                ["Email:PickupDirectory"] = Path.Combine(_dir.Path, "mail"),
            }),
        });
        _bot = _host.Services.GetRequiredService<IPetitionBot>();
    }

    [Fact]
    public async Task Walk_EveryCommandAndTheFormsItOpens_ClearRepliesAndRefusalsChangeNothing()
    {
        var commands = CommandCatalog.All;
        var formIds = new HashSet<string>(StringComparer.Ordinal);
        var refusals = 0;
        await Gen.Select(Gen.Int[0, commands.Count - 1], Hostile.Array[12], Gen.Int[0, 9].Array[8], Gen.Bool).SampleAsync(async (c, texts, picks, organizer) =>
        {
            var actor = new Actor(PlatformKind.Discord, "500", organizer ? Organizer : "7" + c, [], organizer, "discord:" + (organizer ? Organizer : "7" + c));
            var spec = commands[c];
            // A garbage campaign name is refused at once; mostly leave it out so the walk goes on into the forms.
            var options = spec.Options.Where(o => o.Name != CommandCatalog.CampaignOption || picks[0] == 0)
                .Where(o => o.Name != CommandCatalog.SchoolOption || picks[1] < 5)
                .Select((o, i) => (o.Name, Value: texts[i % texts.Length])).ToDictionary(o => o.Name, o => o.Value);
            var reply = await _bot.HandleAsync(CommandInput.Create(actor, "c", spec.Name, options));
            AssertClear(reply);
            for (var step = 0; step < picks.Length; step++)
            {
                if (reply.Form is { } form)
                {
                    formIds.UnionWith(form.Fields.Select(f => f.Id));
                    var before = await SnapshotAsync();
                    var fields = form.Fields.Select((f, i) => (f.Id, Value: texts[(step + i + 3) % texts.Length])).ToDictionary(f => f.Id, f => f.Value);
                    reply = await _bot.HandleAsync(new FormInput(actor, "c", form.Token, fields));
                    AssertClear(reply);
                    if (reply.FieldErrors.Count > 0)
                    {
                        refusals++;
                        Assert.All(reply.FieldErrors.Values, AssertOneSentence);
                        Assert.Equal(before, await SnapshotAsync());
                    }
                }
                else if (reply.Choices.Count > 0)
                {
                    reply = await _bot.HandleAsync(ChoiceInput.Button(actor, "c", reply.Choices[picks[step] % reply.Choices.Count].Token));
                    AssertClear(reply);
                }
                else
                {
                    break;
                }
            }
        }, iter: 200, threads: 1);

        // The walk reached the forms it is meant to test, and some submissions were refused.
        Assert.Superset(new HashSet<string> { "name", "school", "stage", "email", "message" }, formIds);
        Assert.True(refusals > 0, "no form submission was refused");
        Assert.True(formIds.Count >= 5, "forms reached: " + string.Join(", ", formIds));
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    /// <summary>What a half-saved refusal would change: signatures, totals, servers' settings, responses, pending posts.</summary>
    private async Task<string> SnapshotAsync()
    {
        var signatures = new List<SignatureRecord>();
        await foreach (var s in _host.Services.GetRequiredService<ISignatureStore>().ListAsync("test"))
        {
            signatures.Add(s);
        }

        var servers = await _host.Services.GetRequiredService<IServerStore>().ListAsync();
        var responses = await _host.Services.GetRequiredService<IResponseStore>().ListAsync("test");
        var pending = await _host.Services.GetRequiredService<IOutboxStore>().PendingCountAsync();
        return JsonSerializer.Serialize(new { signatures, servers, responses, pending });
    }

    private static void AssertClear(Reply reply)
    {
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.DoesNotContain(InternalError, reply.Text);
        Assert.True(reply.Text.Length < 20_000, "replies stay readable even when the input was huge");
    }

    private static void AssertOneSentence(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain(InternalError, message);
        Assert.True(message.Length <= 300, "a refusal is one short sentence: " + message);
    }
}
