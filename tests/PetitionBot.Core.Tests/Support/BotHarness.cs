using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Core.Tests.Support;

/// <summary>The core built through DI over a real in-memory LiteDB store, with a fake clock and fake report writers.</summary>
public sealed class BotHarness : IDisposable
{
    public const string CampaignId = "sensitive-areas";
    public const string ExternalUrl = "https://www.change.org/p/reinstate-protected-areas";
    public const string GuildId = "500";
    public const string ChannelId = "600";
    public const string LeaderRoleId = "700";
    public const string VerifiedRoleId = "701";
    public const string OrganizerId = "4242";
    public const string OtherSchool = "Other — keep what I typed";

    /// <summary>What "UCSF School of Medicine" resolves to in the shipped directory.</summary>
    public const string Ucsf = "University of California, San Francisco School of Medicine";

    private readonly ServiceProvider _provider;

    /// <param name="configure">Changes to the default options.</param>
    /// <param name="storage">A database file to use instead of an in-memory database.</param>
    public BotHarness(Action<BotOptions>? configure = null, StorageOptions? storage = null)
    {
        Options = new BotOptions
        {
            Campaigns = [DefaultCampaign()],
            Organizers = [$"discord:{OrganizerId}"],
        };
        configure?.Invoke(Options);
        Assert.Empty(BotOptionsValidator.Validate(Options));

        var services = new ServiceCollection();
        services.AddOptions();
        services.AddSingleton<Microsoft.Extensions.Options.IOptionsMonitor<BotOptions>>(new StaticOptionsMonitor<BotOptions>(Options));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IChartRenderer>(Charts);
        services.AddSingleton<ISignerExportWriter, FakeExportWriter>();
        services.AddSingleton<IDeliveryPacketWriter>(Packets);
        services.AddPetitionCore();
        services.AddLiteDbStorage();
        services.AddSingleton(storage is null
            ? new LiteDbContext(new MemoryStream(), new SecretKeys(RandomNumberGenerator.GetBytes(32)))
            : new LiteDbContext(storage));
        services.AddSingleton<ISchoolDirectory>(SchoolList);
        services.AddSingleton<IVerificationMailer>(Mailer);
        _provider = services.BuildServiceProvider();
        Bot = _provider.GetRequiredService<IPetitionBot>();
    }

    public BotOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public FakeChartRenderer Charts { get; } = new();

    public FakePacketWriter Packets { get; } = new();

    /// <summary>The shipped directory plus the flow tests' own entries.</summary>
    public TestSchools SchoolList { get; } = new();

    public RecordingMailer Mailer { get; } = new();

    public IEmailVerificationStore Emails => _provider.GetRequiredService<IEmailVerificationStore>();

    public IPetitionBot Bot { get; }

    public ISignatureStore Signatures => _provider.GetRequiredService<ISignatureStore>();

    public IDraftStore Drafts => _provider.GetRequiredService<IDraftStore>();

    public IServerStore Servers => _provider.GetRequiredService<IServerStore>();

    public IOutboxStore Outbox => _provider.GetRequiredService<IOutboxStore>();

    public IAuditLog Audit => _provider.GetRequiredService<IAuditLog>();

    public LiteDbContext Context => _provider.GetRequiredService<LiteDbContext>();

    public CampaignDefinition Campaign => Options.Campaigns[0];

    public static CampaignDefinition DefaultCampaign() => new()
    {
        Id = CampaignId,
        Title = "Reinstate protected areas",
        Summary = "Ask the AMA, AAMC, LCME, AOA and AACOM to advocate for reinstating the protected-areas guidance.",
        ExternalUrl = ExternalUrl,
        EligibleRoles = ["Medical student", "Resident physician"],
        Goal = 1000,
        Milestones = [50, 100],
        Recipients = ["AMA", "AAMC", "LCME", "AOA", "AACOM"],
    };

    public static Actor Student(string userId = "1001", string guild = GuildId, params string[] roles) =>
        new(PlatformKind.Discord, guild, userId, roles, IsServerAdmin: false, $"discord:{userId}");

    public static Actor Admin(string userId = "2001", string guild = GuildId) => new(PlatformKind.Discord, guild, userId, [], IsServerAdmin: true, $"discord:{userId}");

    public static Actor Leader(string userId = "3001", string guild = GuildId) => new(PlatformKind.Discord, guild, userId, [LeaderRoleId], IsServerAdmin: false, $"discord:{userId}");

    public static Actor Organizer(string guild = GuildId) => new(PlatformKind.Discord, guild, OrganizerId, [], IsServerAdmin: false, $"discord:{OrganizerId}");

    public Task<Reply> CommandAsync(Actor actor, string command, params (string Key, string Value)[] options) =>
        Bot.HandleAsync(CommandInput.Create(actor, ChannelId, command, options.ToDictionary(o => o.Key, o => o.Value)));

    /// <summary>Presses the button labelled <paramref name="label"/> of <paramref name="reply"/>.</summary>
    public Task<Reply> PressAsync(Actor actor, Reply reply, string label)
    {
        var choice = reply.Choices.FirstOrDefault(c => c.Label == label)
                     ?? throw new Xunit.Sdk.XunitException($"No choice \"{label}\" in: {string.Join(" | ", reply.Choices.Select(c => c.Label))}\n{reply.Text}");
        return Bot.HandleAsync(ChoiceInput.Button(actor, ChannelId, choice.Token));
    }

    public Task<Reply> SubmitAsync(Actor actor, Reply reply, params (string Key, string Value)[] fields)
    {
        var form = reply.Form ?? throw new Xunit.Sdk.XunitException("No form in: " + reply.Text);
        return Bot.HandleAsync(new FormInput(actor, ChannelId, form.Token, fields.ToDictionary(f => f.Key, f => f.Value)));
    }

    /// <summary>/sign → role → named or counted only → form (with the name only when named) → the preview.</summary>
    public async Task<Reply> FillAsync(Actor actor, string name = "Ana Lopez", string school = "UCSF School of Medicine", string stage = "MS2",
        bool named = true, string? role = null)
    {
        var form = await FormAsync(actor, named, role ?? (RoleStages.IsResidentStage(stage) ? "Resident physician" : "Medical student"));
        var reply = named
            ? await SubmitAsync(actor, form, ("name", name), ("school", school), ("stage", stage))
            : await SubmitAsync(actor, form, ("school", school), ("stage", stage));
        return reply.Choices.Any(c => c.Label == OtherSchool) ? await PressAsync(actor, reply, OtherSchool) : reply;
    }

    /// <summary>/sign → role → named or counted only, returning the form.</summary>
    public async Task<Reply> FormAsync(Actor actor, bool named = true, string role = "Medical student")
    {
        var start = await CommandAsync(actor, CommandCatalog.Sign);
        var naming = await PressAsync(actor, start, role);
        return await PressAsync(actor, naming, named ? "Sign with my name" : "Count me, withhold my name");
    }

    public async Task<Reply> SignAsync(Actor actor, bool named = true, string name = "Ana Lopez", string school = "UCSF School of Medicine", string stage = "MS2")
    {
        var confirm = await FillAsync(actor, name, school, stage, named);
        return await PressAsync(actor, confirm, named ? "Sign with my name" : "Sign, counted only");
    }

    public Task SaveServerAsync(Func<ServerSettings, ServerSettings>? change = null, string guild = GuildId)
    {
        var settings = new ServerSettings(new ServerRef(PlatformKind.Discord, guild))
        {
            AnnouncementChannelId = ChannelId,
            LeaderRoleId = LeaderRoleId,
            UpdatedAt = Time.GetUtcNow(),
        };
        return Servers.SaveAsync(change is null ? settings : change(settings));
    }

    public Task<CampaignStats> StatsAsync() => Signatures.GetStatsAsync(CampaignId, Time.GetUtcNow());

    /// <summary>How many drafts of this person were left (deleting them: call it last).</summary>
    public Task<int> LeftoverDraftsAsync(Actor actor) => Drafts.DeleteAllAsync(actor.IdentityKey);

    public void Dispose()
    {
        _provider.Dispose();
    }
}
