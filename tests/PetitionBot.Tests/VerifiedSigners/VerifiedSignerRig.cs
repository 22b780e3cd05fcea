using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Fakes.Discord;
using PetitionBot.Fakes.Slack;
using PetitionBot.Hosting;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Slack;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>One real host with both adapters — the fake Discord and the fake Slack on loopback — and a campaign that
/// verifies by school email. With no SMTP host the codes land as <c>.eml</c> files in <see cref="MailDirectory"/>.</summary>
internal sealed partial class VerifiedSignerRig : IAsyncDisposable
{
    public const string Team = "T0VERIFY";
    public const string Domain = "verify-school.edu";

    private readonly TempDirectory _dir;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private VerifiedSignerRig(TempDirectory dir, FakeDiscordServer discord, FakeSlackServer slack, IHost host)
    {
        _dir = dir;
        Discord = discord;
        Slack = slack;
        Host = host;
    }

    public FakeDiscordServer Discord { get; }

    public FakeSlackServer Slack { get; }

    public IHost Host { get; }

    public string MailDirectory => Path.Combine(_dir.Path, "mail");

    public ISignatureStore Signatures => Host.Services.GetRequiredService<ISignatureStore>();

    public static async Task<VerifiedSignerRig> StartAsync(IDictionary<string, string?>? extra = null, params string[] slackUsers) =>
        await StartAsync(extra, null, slackUsers);

    /// <param name="time">A clock for the host (the code's ten minutes), when the test moves time itself.</param>
    public static async Task<VerifiedSignerRig> StartAsync(IDictionary<string, string?>? extra, TimeProvider? time, params string[] slackUsers)
    {
        var dir = new TempDirectory();
        var discord = await FakeDiscordServer.StartAsync(LiveDiscordBot.DefaultFakeOptions);
        var slack = await FakeSlackServer.StartAsync();
        var team = slack.AddTeam(Team);
        foreach (var user in slackUsers)
        {
            team.AddUser(user);
        }

        var settings = SlackHost.FastSlackSettings(slack, Team);
        settings["Campaigns:0:Verification"] = "email";
        settings["Campaigns:0:EmailDomains:0"] = Domain;
        settings["Email:PickupDirectory"] = Path.Combine(dir.Path, "mail");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await LiveDiscordBot.StartHostAsync(dir.Path, discord, settings, time is null ? null : s => s.AddSingleton(time));
        await slack.WaitForConnectionAsync();
        return new VerifiedSignerRig(dir, discord, slack, host);
    }

    /// <summary>The code of the mail to <paramref name="address"/> not read before (else the newest one) in the pickup directory.</summary>
    public string CodeFor(string address)
    {
        var mails = (Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml") : [])
            .Where(f => File.ReadAllText(f).Contains(address, StringComparison.OrdinalIgnoreCase))
            .OrderBy(File.GetLastWriteTimeUtc).ToList();
        var file = mails.FirstOrDefault(f => !_read.Contains(f)) ?? mails.LastOrDefault()
                   ?? throw new InvalidOperationException($"No mail to {address} in {MailDirectory}");
        _read.Add(file);
        return CodeIn(File.ReadAllText(file));
    }

    /// <summary>Waits until the mail to <paramref name="address"/>, sent in the background, is known to have failed.</summary>
    public Task WaitForMailFailureAsync(string address)
    {
        var mailer = Host.Services.GetRequiredService<IVerificationMailer>();
        return FakeDiscordServer.WaitUntilAsync(() => mailer.FailureSinceAsync(address, DateTimeOffset.MinValue).Result != Core.Email.MailFailure.None,
            "the mail's failure", DiscordFlow.Timeout);
    }

    /// <summary>The 6-digit code in the body of a mail (after the headers, whose ids and dates may hold digits too).</summary>
    public static string CodeIn(string mail)
    {
        var normalized = mail.ReplaceLineEndings("\n");
        var body = normalized.IndexOf("\n\n", StringComparison.Ordinal) is var end and >= 0 ? normalized[end..] : normalized;
        return SixDigits().Match(body) is { Success: true } m ? m.Value : throw new InvalidOperationException("No code in:\n" + mail);
    }

    /// <summary>Discord: /sign → role → named → form → (Other) → the preview callback.</summary>
    public async Task<JsonNode> DiscordPreviewAsync(string user, string school = "UC Davis", string stage = "MS3")
    {
        var guild = DiscordFlow.Guild;
        var start = await DiscordFlow.InteractAsync(Discord, FakeDiscordInteractions.SlashCommand(Discord, guild, user, "sign"));
        var naming = await Press(user, start, "r0");
        var form = await Press(user, naming, "named");
        var preview = await DiscordFlow.InteractAsync(Discord, FakeDiscordInteractions.ModalSubmit(Discord, guild, user, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["name"] = "Vera Fied", ["school"] = school, ["stage"] = stage }));
        return DiscordFlow.HasButton(preview, "sother") ? await Press(user, preview, "sother") : preview;
    }

    /// <summary>Discord: from the preview, "Verify my school email" → the address modal → submitted; returns the reply.</summary>
    public async Task<JsonNode> DiscordSendCodeAsync(string user, JsonNode preview, string address)
    {
        var form = await Press(user, preview, "verify");
        Assert.Equal(9, form["type"]!.GetValue<int>());
        return await ResolvedAsync(FakeDiscordInteractions.ModalSubmit(Discord, DiscordFlow.Guild, user,
            form["data"]!["custom_id"]!.GetValue<string>(), new Dictionary<string, string> { ["email"] = address }));
    }

    /// <summary>Discord: "Enter code" on <paramref name="sent"/> → the code modal → submitted; returns the reply.</summary>
    public async Task<JsonNode> DiscordEnterCodeAsync(string user, JsonNode sent, string code)
    {
        var form = await Press(user, sent, "code");
        Assert.Equal(9, form["type"]!.GetValue<int>());
        return await ResolvedAsync(FakeDiscordInteractions.ModalSubmit(Discord, DiscordFlow.Guild, user,
            form["data"]!["custom_id"]!.GetValue<string>(), new Dictionary<string, string> { ["code"] = code }));
    }

    public Task<JsonNode> Press(string user, JsonNode reply, string action) =>
        ResolvedAsync(FakeDiscordInteractions.Button(Discord, DiscordFlow.Guild, user, DiscordFlow.ButtonId(reply, action)));

    /// <summary>The answer a person sees: the callback, or after a deferral (sending mail may take a moment) the webhook
    /// edit that carried the message, as {"type": 4, "data": message}.</summary>
    public async Task<JsonNode> ResolvedAsync(JsonObject interaction)
    {
        var callback = await DiscordFlow.InteractAsync(Discord, interaction);
        if (callback["type"]!.GetValue<int>() is not (5 or 6))
        {
            return callback;
        }

        FakeRestRequest? edit = null;
        await FakeDiscordServer.WaitUntilAsync(() => (edit = DiscordFlow.WebhookRequests(Discord, interaction).FirstOrDefault(r => r.Json is not null)) is not null,
            "the deferred reply", DiscordFlow.Timeout);
        return new JsonObject { ["type"] = 4, ["data"] = edit!.Json!.DeepClone() };
    }

    /// <summary>Slack: /sign → role → named → form, the school typed into its <c>external_select</c> and an option picked
    /// (the best match, or with <paramref name="keepTyped"/> the "Other: …" entry) → (Other) → the preview message.</summary>
    public async Task<FakeSlackMessage> SlackPreviewAsync(string user, string school = "UC Davis", string stage = "MS3", bool keepTyped = false)
    {
        var skip = Slack.MessagesFor(Team, user).Count;
        await Slack.SendSlashCommandAsync(Team, user, "/sign");
        var prompt = await NextAsync(user, skip, m => SlackHost.ButtonToken(m, "r0") is not null);
        var naming = await SlackPressAsync(user, prompt, "r0", m => SlackHost.ButtonToken(m, "named") is not null);
        var view = await SlackOpenAsync(user, naming, "named", "sgf:");
        var picked = await SlackPickSchoolAsync(user, view, school, keepTyped);
        skip = Slack.MessagesFor(Team, user).Count;
        await Slack.SendViewSubmissionAsync(Team, user, view, new Dictionary<string, string> { ["name"] = "Vera Fied", ["school"] = picked, ["stage"] = stage },
            externalSelects: ["school"]);
        var preview = await NextAsync(user, skip, m => SlackHost.ButtonToken(m, "verify") is not null || SlackHost.ButtonToken(m, "sother") is not null);
        return SlackHost.ButtonToken(preview, "sother") is not null
            ? await SlackPressAsync(user, preview, "sother", m => SlackHost.ButtonToken(m, "verify") is not null)
            : preview;
    }

    /// <summary>Slack: types <paramref name="typed"/> into the school <c>external_select</c> of <paramref name="view"/>
    /// (a block_suggestion) and returns the value of the option a person would pick: the best match, or with
    /// <paramref name="keepTyped"/> the last one, "Other: …".</summary>
    public async Task<string> SlackPickSchoolAsync(string user, string view, string typed, bool keepTyped = false)
    {
        var options = (await Slack.SendBlockSuggestionAsync(Team, user, "school", typed, callbackId: view)).Payload!["options"]!.AsArray();
        return options.Select(o => o!["value"]!.GetValue<string>()).First(v => keepTyped == v.StartsWith("other:", StringComparison.Ordinal));
    }

    /// <summary>Settings that send the codes over SMTP to 127.0.0.1:<paramref name="port"/>, in plain text.</summary>
    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:From"] = "petition@example.org",
    };

    /// <summary>Slack: presses the button of <paramref name="message"/> whose action ends with <paramref name="action"/>
    /// and opens a view whose callback starts with <paramref name="callbackPrefix"/>; returns its callback_id.</summary>
    public async Task<string> SlackOpenAsync(string user, FakeSlackMessage message, string action, string callbackPrefix)
    {
        var views = Slack.Views.Count;
        await Slack.SendBlockActionAsync(Team, user, SlackHost.ButtonToken(message, action)!);
        FakeSlackView? view = null;
        await FakeSlackServer.WaitUntilAsync(() => (view = Slack.Views.Skip(views).FirstOrDefault(v => v.UserId == user &&
            v.View["callback_id"]?.GetValue<string>() is { } id && id.StartsWith(callbackPrefix, StringComparison.Ordinal))) is not null, DiscordFlow.Timeout);
        return view!.View["callback_id"]!.GetValue<string>();
    }

    public async Task<FakeSlackMessage> SlackPressAsync(string user, FakeSlackMessage message, string action, Func<FakeSlackMessage, bool> next)
    {
        var skip = Slack.MessagesFor(Team, user).Count;
        await Slack.SendBlockActionAsync(Team, user, SlackHost.ButtonToken(message, action)!);
        return await NextAsync(user, skip, next);
    }

    /// <summary>Slack: submits a one-field view; returns the ack (errors stay in the modal) and, without errors, the message that followed.</summary>
    public async Task<(FakeSlackAck Ack, FakeSlackMessage? Message)> SlackSubmitAsync(string user, string callback, string field, string value)
    {
        var skip = Slack.MessagesFor(Team, user).Count;
        var ack = await Slack.SendViewSubmissionAsync(Team, user, callback, new Dictionary<string, string> { [field] = value });
        return ack.ResponseAction == "errors" ? (ack, null) : (ack, await NextAsync(user, skip, m => !IsMailFailureNotice(m)));
    }

    /// <summary>The private message that says a code was not sent: it comes from the background send, in any order with
    /// the replies (under load a reply can come as a DM too, so replies are told apart by text, not by kind).</summary>
    public static bool IsMailFailureNotice(FakeSlackMessage message) => message.AllText.Contains("Your code was not sent", StringComparison.Ordinal);

    public async Task<FakeSlackMessage> NextAsync(string user, int skip, Func<FakeSlackMessage, bool> predicate)
    {
        FakeSlackMessage? found = null;
        await FakeSlackServer.WaitUntilAsync(() => (found = Slack.MessagesFor(Team, user).Skip(skip).FirstOrDefault(predicate)) is not null, DiscordFlow.Timeout);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(cts.Token);
        Host.Dispose();
        await Discord.DisposeAsync();
        await Slack.DisposeAsync();
        _dir.Dispose();
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
