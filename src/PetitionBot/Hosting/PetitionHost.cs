using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using PetitionBot.ConsoleUi;
using PetitionBot.Core;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Ports;
using PetitionBot.Email;
using PetitionBot.Health;
using PetitionBot.Metrics;
using PetitionBot.Outbox;
using PetitionBot.PublicPages;
using PetitionBot.Reports;
using PetitionBot.Schools;

namespace PetitionBot.Hosting;

/// <summary>Composes the process: one campaign core and store, the outbox, and per mode the chat adapters and HTTP
/// listener, or the local console, or nothing more (CLI verbs).</summary>
public static class PetitionHost
{
    /// <summary>How long stopping waits for hosted services (in-flight interactions, the outbox's current delivery)
    /// before giving up. Container stop timeouts must be longer (compose.yaml: stop_grace_period 30s).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Builds the host. Only the bot mode has an HTTP listener; the console and CLI verbs open no port.</summary>
    public static IHost Build(PetitionHostOptions options)
    {
        WebApplicationBuilder? web = null;
        IHostApplicationBuilder builder = options.Mode == HostMode.Bot
            ? web = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() })
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        ConfigurationLoader.Apply(builder.Configuration, options.ConfigArgs, options.Overrides);
        ConfigureLogging(builder, options.Mode);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShutdownIntent>();
        services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        services.AddOptions<BotOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<BotOptions>, BotOptionsValidation>();
        ChatAdapters.AddIdentities(services);
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddOptions<ChartRendererOptions>().BindConfiguration(ChartRendererOptions.SectionName);
        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
            .Validate(o => o.UpdateTextRetentionDays is >= 1 and <= 3650, "Privacy:UpdateTextRetentionDays must be a whole number of days from 1 to 3650.")
            .ValidateOnStart();
        StorageComposition.Add(services, builder.Configuration);
        services.AddPetitionCore();
        services.AddVerificationMail();
        services.AddSchoolDirectory();
        services.AddSingleton<ISignerExportWriter, CsvSignerExportWriter>();
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddOptions<Reports.Pdf.PdfPacketOptions>().BindConfiguration(Reports.Pdf.PdfPacketOptions.SectionName);
        services.AddSingleton<IDeliveryPacketWriter, Reports.Pdf.PdfDeliveryPacketWriter>();
        services.AddSingleton<ChatPlatforms>();
        services.AddSingleton<AnnouncementTexts>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddOptions<Core.Campaigns.NotificationOptions>().BindConfiguration("Notifications")
            .Validate(o => o.DirectMessageInterval >= TimeSpan.Zero && o.DirectMessageInterval <= TimeSpan.FromMinutes(1),
                "Notifications:DirectMessageInterval must be between 00:00:00 and 00:01:00.")
            .ValidateOnStart();
        services.AddSingleton<DirectMessagePlatforms>();
        services.AddSingleton<DirectMessageDelivery>();
        services.AddSingleton<SubscriptionJanitor>();
        services.AddSingleton<PublicProgressCache>();

        if (options.Mode != HostMode.Bot)
        {
            services.AddSingleton<ConsoleOrganizers>();
            services.AddOptions<BotOptions>().PostConfigure<ConsoleOrganizers>((o, local) =>
            {
                foreach (var key in local.Keys.Where(k => !o.Organizers.Contains(k)))
                {
                    o.Organizers.Add(key);
                }
            });
        }

        switch (options.Mode)
        {
            case HostMode.Bot:
                services.AddOptions<HttpOptions>().BindConfiguration("Http").ValidateOnStart();
                services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HttpOptions>, HttpOptionsValidation>();
                web!.WebHost.UseUrls([
                    .. (builder.Configuration["Http:Urls"] is { Length: > 0 } urls ? urls : new HttpOptions().Urls).Split(';'),
                    .. MetricsListener.Split(builder.Configuration[MetricsListener.Key])]);
                ChatAdapters.Add(services, builder.Configuration);
                services.AddPetitionMetrics();
                AddBackgroundWork(services);
                break;
            case HostMode.Console:
                services.AddSingleton(options.ConsoleIo ?? new ConsoleIo(System.Console.In, System.Console.Out));
                services.AddSingleton(options.Console ?? new ConsoleSettings(ConsoleRole.Student, null));
                services.AddSingleton<ConsoleOutbound>();
                services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ConsoleOutbound>());
                services.AddSingleton<IDirectMessagePlatform>(sp => sp.GetRequiredService<ConsoleOutbound>());
                services.AddHostedService<ConsoleSession>();
                AddBackgroundWork(services);
                break;
        }

        services.AddPetitionCoreFallbacks(); // last: a school directory, mailer or email store registered above wins
        options.ConfigureServices?.Invoke(services);
        if (web is null)
        {
            return ((HostApplicationBuilder)builder).Build();
        }

        var app = web.Build();
        StartupValidation.Run(app.Services); // before mapping: the endpoints read the adapters' options
        if (MetricsListener.Ports(builder.Configuration[MetricsListener.Key]) is { Count: > 0 } privatePorts)
        {
            app.UseMetricsListener(privatePorts);
        }

        app.MapHealth();
        app.MapPetitionMetrics();
        app.MapPublicPages();
        ChatAdapters.Map(app);
        return app;
    }

    private static void AddBackgroundWork(IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<DraftJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionJanitor>());
        services.AddHostedService<AnnouncementTextJanitor>();
    }

    private static void ConfigureLogging(IHostApplicationBuilder builder, HostMode mode)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (mode != HostMode.Bot)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", mode == HostMode.Bot ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
