using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Benchmarks.Support;

/// <summary>The fake Discord on loopback with the real bot as a child process connected to it, over a fresh database.</summary>
internal sealed partial class DiscordRig : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> _webhooks = new(StringComparer.Ordinal);
    private long _nextUser = 200_000_000_000_000_000;

    private DiscordRig(string directory, FakeDiscordServer fake, BotProcess bot)
    {
        Directory = directory;
        Fake = fake;
        Bot = bot;
        fake.RequestRecorded += (request, _) =>
        {
            // webhooks/{application}/{token}/…: the first edit or follow-up of a deferred interaction carries its answer.
            var parts = request.Path.Split('/');
            if (parts.Length > 2 && parts[0] == "webhooks")
            {
                WebhookFor(parts[2]).TrySetResult(request.Json);
            }
        };
    }

    private TaskCompletionSource<JsonNode?> WebhookFor(string token) =>
        _webhooks.GetOrAdd(token, _ => new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously));

    public string Directory { get; }

    public FakeDiscordServer Fake { get; }

    public BotProcess Bot { get; }

    public static string GuildId(int i) => (500_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

    public static string ChannelId(int i) => (600_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

    public static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "petitionbot-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Starts the fake with <paramref name="guilds"/> guilds (or takes <paramref name="fake"/>, then disposed with the
    /// rig), then the bot; returns once READY was sent.</summary>
    public static async Task<DiscordRig> StartAsync(int guilds, string? directory = null, IDictionary<string, string?>? extra = null,
        int? globalPerSecond = null, FakeDiscordServer? fake = null)
    {
        var dir = directory ?? NewDirectory();
        fake ??= await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Guilds = Enumerable.Range(0, guilds).Select(i => new FakeGuild(GuildId(i), "Bench guild " + i)).ToList(),
            GlobalRequestsPerSecond = globalPerSecond,
        });
        var bot = BotProcess.Start(BotSettings(dir, fake, extra));
        var rig = new DiscordRig(dir, fake, bot);
        try
        {
            await FakeDiscordServer.WaitUntilAsync(() => fake.ReadySentAt is not null || bot.HasExited, "READY", TimeSpan.FromSeconds(60));
            if (fake.ReadySentAt is null)
            {
                throw new InvalidOperationException("the bot exited before READY:\n" + bot.Tail());
            }
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    /// <summary>The bot's settings: the benchmark campaign over <paramref name="dir"/>, the fake's Discord, then <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> BotSettings(string dir, FakeDiscordServer fake, IDictionary<string, string?>? extra)
    {
        var settings = BenchHost.Settings(dir);
        settings["Discord:Token"] = fake.Options.Token;
        settings["Discord:ApplicationId"] = fake.Options.ApplicationId;
        settings["Discord:ApiBaseUrl"] = fake.ApiBaseUrl;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>When set, interactions go this way (e.g. HTTP interactions to several processes) instead of the fake's
    /// gateway: it returns the callback the bot answered with (null when none) and its ack latency in ms.</summary>
    public Func<JsonObject, Task<(JsonNode? Callback, double? AckMs)>>? Deliver { get; set; }

    public string NewUser() => Interlocked.Increment(ref _nextUser).ToString(CultureInfo.InvariantCulture);

    /// <summary>One complete sign flow (slash → role button → "Sign with my name" → modal submit → "Other" when the
    /// school is not in the directory → "Sign"); the ack latency of each interaction is added to <paramref name="latencies"/>.
    /// Returns false when a step failed (missed deadline, no reply) or the last answer was not "Signed".</summary>
    public async Task<bool> SignAsync(string guildId, string userId, ICollection<double> latencies, Action<long>? beforeConfirm = null)
    {
        var first = await StepAsync(FakeDiscordInteractions.SlashCommand(Fake, guildId, userId, "sign"), latencies);
        var role = SignButton(first, "r0");
        var naming = role is null ? null : SignButton(await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, role), latencies), "named");
        if (naming is null)
        {
            return false;
        }

        var modal = await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, naming), latencies);
        var form = modal is null ? null : CustomIds(modal).FirstOrDefault(c => c.StartsWith("sgf:", StringComparison.Ordinal));
        if (form is null)
        {
            return false;
        }

        var fields = new Dictionary<string, string> { ["name"] = "Bench Signer " + userId[^6..], ["school"] = "Bench School " + (userId[^1] - '0'), ["stage"] = "MS2" };
        var confirm = await StepAsync(FakeDiscordInteractions.ModalSubmit(Fake, guildId, userId, form, fields), latencies);
        if (SignButton(confirm, "sother") is { } other)
        {
            confirm = await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, other), latencies);
        }

        var sign = SignButton(confirm, "sign");
        if (sign is null)
        {
            return false;
        }

        beforeConfirm?.Invoke(Stopwatch.GetTimestamp());
        var done = await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, sign), latencies);
        return done?.ToJsonString().Contains("Signed", StringComparison.Ordinal) == true;
    }

    /// <summary>When set, every ack is also reported with its step (<see cref="StepAcks.StepOf"/>).</summary>
    public StepAcks? AcksByStep { get; set; }

    private static string? SignButton(JsonNode? reply, string action) => reply is null
        ? null
        : CustomIds(reply).FirstOrDefault(c => c.StartsWith("sg:", StringComparison.Ordinal) && c.EndsWith(":" + action, StringComparison.Ordinal));

    /// <summary>Dispatches one interaction and returns the JSON the bot answered with (the callback, or after a defer
    /// the webhook edit/follow-up); null when the callback missed the deadline or nothing came.</summary>
    private async Task<JsonNode?> StepAsync(JsonObject interaction, ICollection<double> latencies)
    {
        if (Deliver is { } deliver)
        {
            var (answer, ack) = await deliver(interaction);
            if (ack is { } ms)
            {
                AcksByStep?.Add(interaction, ms);
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }

            return answer is null ? null : await AnswerAsync(interaction, answer);
        }

        var id = await Fake.SendInteractionAsync(interaction);
        FakeRestRequest callback;
        try
        {
            callback = await Fake.WaitForCallbackAsync(id, TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            return null;
        }

        if (Fake.CallbackLatency(id) is { } latency)
        {
            AcksByStep?.Add(interaction, latency.TotalMilliseconds);
            lock (latencies)
            {
                latencies.Add(latency.TotalMilliseconds);
            }
        }

        return callback.Status != 204 || callback.Json is not { } json ? null : await AnswerAsync(interaction, json);
    }

    /// <summary>The callback's message, or after a deferral (type 5/6) the webhook edit or follow-up that carried it.</summary>
    private async Task<JsonNode?> AnswerAsync(JsonObject interaction, JsonNode json)
    {
        var type = json?["type"]?.GetValue<int>();
        if (type is not (5 or 6))
        {
            return json?["data"];
        }

        var token = interaction["token"]!.GetValue<string>();
        try
        {
            return await WebhookFor(token).Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _webhooks.TryRemove(token, out _);
        }
    }

    private static List<string> CustomIds(JsonNode node)
    {
        var found = new List<string>();
        Collect(node, found);
        return found;
    }

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "custom_id" && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        found.Add(s);
                    }
                    else
                    {
                        Collect(value, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }

                break;
            default:
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
