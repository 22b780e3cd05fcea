using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Fakes.Slack;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Slack;

/// <summary>The real host (bot mode, the Slack adapter wired by the configuration) against the fake Slack on loopback.
/// Team A uses Slack:BotToken (the one-workspace shortcut); team B is an installation in the host's own store.
/// Organizer: slack:T0SCHOOLA:U0ORG. Admins: U0ADMINA / U0ADMINB.</summary>
internal sealed class SlackHost : IAsyncDisposable
{
    public const string TeamA = "T0SCHOOLA";
    public const string TeamB = "T0SCHOOLB";
    public const string Organizer = "U0ORG";
    public const string AdminA = "U0ADMINA";
    public const string AdminB = "U0ADMINB";
    public const string Campaign = "test";

    private readonly TempDirectory _dir;

    private SlackHost(FakeSlackServer slack, IHost host, TempDirectory dir, LogRecorder logs, HttpClient http)
    {
        Slack = slack;
        Host = host;
        _dir = dir;
        Logs = logs;
        Http = http;
    }

    public FakeSlackServer Slack { get; }

    public IHost Host { get; }

    public LogRecorder Logs { get; }

    /// <summary>A client for the host's own HTTP listener (/healthz).</summary>
    public HttpClient Http { get; }

    public ISignatureStore Signatures => Host.Services.GetRequiredService<ISignatureStore>();

    public static async Task<SlackHost> StartAsync(Action<FakeSlackServer>? arrange = null, IDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? configure = null)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AddTeam(TeamA).AddUser(Organizer).AddUser(AdminA, isAdmin: true);
        slack.AddTeam(TeamB).AddUser(AdminB, isAdmin: true);
        arrange?.Invoke(slack);
        var dir = new TempDirectory();
        var logs = new LogRecorder();
        var settings = FastSlackSettings(slack, TeamA);
        settings["Organizers:0"] = $"slack:{TeamA}:{Organizer}";
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = TestConfig.For(dir.Path, settings),
            ConfigureServices = s =>
            {
                s.RemoveAll<ILoggerProvider>();
                s.AddSingleton<ILoggerProvider>(logs);
                configure?.Invoke(s);
            },
        });
        await host.Services.GetRequiredService<IInstallationStore>().SaveAsync(
            new Installation(new ServerRef(PlatformKind.Slack, TeamB), slack.Team(TeamB).BotToken, "U0BOT", "School B", DateTimeOffset.UtcNow));
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackHost(slack, host, dir, logs, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Every string a person could read in a message: the fallback text and every string value of the blocks.</summary>
    /// <summary>The Slack settings of a host under test: the fake's tokens and URL (<paramref name="team"/>'s bot token),
    /// no method pacing, and short keep-alive and reconnect timings so drops are noticed in test time. A submitted form
    /// waits for the core as long as any ack may (these tests read field errors from the ack; a test machine's first
    /// submission, JIT-cold, can take longer than the 300 ms default, whose own test is the adapter's).</summary>
    public static Dictionary<string, string?> FastSlackSettings(FakeSlackServer slack, string team) => new()
    {
        ["Slack:AppToken"] = slack.AppToken,
        ["Slack:BotToken"] = slack.Team(team).BotToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Slack:MethodPacing"] = "false",
        ["Slack:KeepAliveInterval"] = "00:00:00.500",
        ["Slack:KeepAliveTimeout"] = "00:00:01",
        ["Slack:HelloTimeout"] = "00:00:03",
        ["Slack:ReconnectDelay"] = "00:00:00.050",
        ["Slack:MaxReconnectDelay"] = "00:00:00.500",
        ["Slack:TooManyWebsocketsDelay"] = "00:00:00.400",
        ["Slack:FormAckBudget"] = "00:00:02.3",
    };

    public static IEnumerable<string> ReadableStrings(FakeSlackMessage message)
    {
        yield return message.Text;
        foreach (var s in Strings(message.Blocks))
        {
            yield return s;
        }
    }

    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    foreach (var s in Strings(v))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    foreach (var s in Strings(v))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }

    /// <summary>Wait for a message to (team, user) after the first <paramref name="skip"/> ones, matching <paramref name="predicate"/>.</summary>
    public async Task<FakeSlackMessage> NextMessageAsync(string team, string user, int skip, Func<FakeSlackMessage, bool> predicate, TimeSpan? timeout = null)
    {
        FakeSlackMessage? found = null;
        await FakeSlackServer.WaitUntilAsync(() => (found = Slack.MessagesFor(team, user).Skip(skip).FirstOrDefault(predicate)) is not null, timeout ?? TimeSpan.FromSeconds(15));
        return found!;
    }

    public static string? ButtonToken(FakeSlackMessage message, string suffix)
    {
        var match = Strings(message.Blocks).FirstOrDefault(s => s.StartsWith("sg:", StringComparison.Ordinal) && s.EndsWith(":" + suffix, StringComparison.Ordinal));
        return match;
    }

    /// <summary>/sign → eligibility button (role 0) → the named / counted-only message; returns that message.</summary>
    public async Task<FakeSlackMessage> StartNamingAsync(string team, string user)
    {
        var skip = Slack.MessagesFor(team, user).Count;
        await Slack.SendSlashCommandAsync(team, user, "/sign", channelId: "C0GENERAL");
        var prompt = await NextMessageAsync(team, user, skip, m => ButtonToken(m, "r0") is not null);
        skip = Slack.MessagesFor(team, user).Count;
        await Slack.SendBlockActionAsync(team, user, ButtonToken(prompt, "r0")!, channelId: "C0GENERAL");
        return await NextMessageAsync(team, user, skip, m => ButtonToken(m, "named") is not null);
    }

    /// <summary>/sign → eligibility button (role 0) → named or counted only → the form opens; returns the modal's
    /// callback_id and private_metadata.</summary>
    public async Task<(string CallbackId, string Metadata, string DraftToken)> StartSignAsync(string team, string user, bool named = true)
    {
        var naming = await StartNamingAsync(team, user);
        var views = Slack.Views.Count;
        var choice = ButtonToken(naming, named ? "named" : "counted")!;
        await Slack.SendBlockActionAsync(team, user, choice, channelId: "C0GENERAL");
        FakeSlackView? view = null;
        await FakeSlackServer.WaitUntilAsync(() => (view = Slack.Views.Skip(views).FirstOrDefault(v => v.TeamId == team && v.UserId == user
            && v.View["callback_id"]?.GetValue<string>() is { } id && id.StartsWith("sgf:", StringComparison.Ordinal))) is not null, TimeSpan.FromSeconds(15));
        return (view!.View["callback_id"]!.GetValue<string>(), view.View["private_metadata"]?.GetValue<string>() ?? "", choice);
    }

    public static Dictionary<string, string> Form(string name, string school = "UC Davis School of Medicine", string stage = "MS2") =>
        new() { ["name"] = name, ["school"] = school, ["stage"] = stage };

    /// <summary>Submits the sign form and waits for the preview; a school the directory does not know is kept as typed ("Other").</summary>
    public async Task<FakeSlackMessage> SubmitSignFormAsync(string team, string user, string callback, string metadata, Dictionary<string, string> fields)
    {
        var skip = Slack.MessagesFor(team, user).Count;
        var ack = await Slack.SendViewSubmissionAsync(team, user, callback, fields, metadata);
        if (ack.ResponseAction == "errors")
        {
            throw new InvalidOperationException("The form was refused: " + ack.Payload!.ToJsonString());
        }

        var next = await NextMessageAsync(team, user, skip, m => ButtonToken(m, "sign") is not null || ButtonToken(m, "verify") is not null || ButtonToken(m, "sother") is not null);
        if (ButtonToken(next, "sother") is { } other)
        {
            skip = Slack.MessagesFor(team, user).Count;
            await Slack.SendBlockActionAsync(team, user, other, channelId: metadata.Length > 0 ? metadata : "C0GENERAL");
            next = await NextMessageAsync(team, user, skip, m => ButtonToken(m, "sign") is not null || ButtonToken(m, "verify") is not null);
        }

        return next;
    }

    /// <summary>The whole flow; returns the "Signed — …" message and the envelope id of the final click.</summary>
    public async Task<(FakeSlackMessage Done, string EnvelopeId)> SignAsync(string team, string user, string name, bool named, string school = "UC Davis School of Medicine")
    {
        var (callback, metadata, _) = await StartSignAsync(team, user, named);
        var fields = Form(name, school);
        if (!named)
        {
            fields.Remove("name");
        }

        var confirm = await SubmitSignFormAsync(team, user, callback, metadata, fields);
        var skip = Slack.MessagesFor(team, user).Count;
        var click = await Slack.SendBlockActionAsync(team, user, ButtonToken(confirm, "sign")!, channelId: metadata.Length > 0 ? metadata : "C0GENERAL");
        var done = await NextMessageAsync(team, user, skip, IsSigned);
        return (done, click.EnvelopeId);
    }

    public static bool IsSigned(FakeSlackMessage m) => m.Text.Contains("Signed — you are", StringComparison.Ordinal);

    public async Task<int> TotalAsync() => (await Signatures.GetStatsAsync(Campaign, DateTimeOffset.UtcNow)).Total;

    public async Task<int> OutboxPendingAsync() => await Host.Services.GetRequiredService<IOutboxStore>().PendingCountAsync();

    /// <summary>/setup channel:&lt;#C|name&gt; by a workspace admin; waits for the reply.</summary>
    public async Task<FakeSlackMessage> SetupAsync(string team, string admin, string channel)
    {
        var skip = Slack.MessagesFor(team, admin).Count;
        await Slack.SendSlashCommandAsync(team, admin, "/setup", $"channel:<#{channel}|announcements>");
        return await NextMessageAsync(team, admin, skip, _ => true);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync();
        Host.Dispose();
        await Slack.DisposeAsync();
        _dir.Dispose();
    }
}
