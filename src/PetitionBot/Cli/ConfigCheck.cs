using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Ports;
using PetitionBot.Discord;
using PetitionBot.Hosting;
using PetitionBot.Outbox;
using PetitionBot.Reports;
using PetitionBot.Slack;

namespace PetitionBot.Cli;

/// <summary><c>petitionbot check-config</c>: checks a configuration without building the host, opening the database
/// or connecting anywhere. Reuses the validators the host runs at start (campaigns, organizers, storage, HTTP, and
/// each chat adapter's own options validation). Messages name keys, never values: tokens are secrets.</summary>
public static partial class ConfigCheck
{
    public const string ValidMessage = "Configuration is valid.";

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    /// <summary>Runs the check and prints the result: "Configuration is valid." (exit 0), or one line per problem
    /// naming its key (exit 2). Warnings are printed in both cases.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var problems = Check(configuration);
        foreach (var warning in problems.Warnings)
        {
            await error.WriteLineAsync($"Warning: {warning}");
        }

        foreach (var problem in problems.Errors)
        {
            await error.WriteLineAsync($"Configuration error: {problem}");
        }

        if (!problems.IsValid)
        {
            await error.WriteLineAsync($"The configuration has {problems.Errors.Count} problem{(problems.Errors.Count == 1 ? "" : "s")}.");
            return PetitionBotApp.ConfigError;
        }

        await output.WriteLineAsync(ValidMessage);
        await output.WriteLineAsync(SchoolCheck.Describe(configuration));
        return 0;
    }

    public static ConfigProblems Check(IConfiguration configuration)
    {
        var errors = new List<string>();
        var warnings = new List<string>();

        // A value the binder cannot convert (Campaigns:0:Goal = "many") is reported alone: validating half-bound
        // options would add misleading errors. List elements it drops silently are caught by the validation.
        using var adapters = Adapters(configuration);
        var bot = Bind<BotOptions>(configuration, errors);
        if (bot is not null)
        {
            errors.AddRange(Failures(new BotOptionsValidation(configuration, adapters.GetServices<IIdentityScheme>()).Validate(null, bot)));
        }

        if (bot is { Organizers.Count: 0 })
        {
            warnings.Add("Organizers is empty: nobody in chat can see the full totals or export the signer list (the local console still can)");
        }

        var storage = Bind<StorageOptions>(configuration.GetSection("Storage"), errors) ?? new StorageOptions();
        errors.AddRange(Failures(new StorageOptionsValidation().Validate(null, storage)));
        var http = Bind<HttpOptions>(configuration.GetSection("Http"), errors) ?? new HttpOptions();
        errors.AddRange(Failures(new HttpOptionsValidation().Validate(null, http)));
        if (Bind<Email.EmailOptions>(configuration.GetSection(Email.EmailOptions.SectionName), errors) is { } email)
        {
            errors.AddRange(Failures(new Email.EmailOptionsValidation().Validate(null, email)));
        }

        Bind<OutboxOptions>(configuration.GetSection("Outbox"), errors);
        if (Bind<Core.Campaigns.NotificationOptions>(configuration.GetSection("Notifications"), errors) is { } notify
            && (notify.DirectMessageInterval < TimeSpan.Zero || notify.DirectMessageInterval > TimeSpan.FromMinutes(1)))
        {
            errors.Add("Notifications:DirectMessageInterval must be between 00:00:00 and 00:01:00.");
        }
        Bind<ChartRendererOptions>(configuration.GetSection(ChartRendererOptions.SectionName), errors);

        warnings.AddRange(ExternalUrlCheck.Warnings(configuration));
        if (storage.KeyBesideDatabaseWarning() is { } keyWarning)
        {
            warnings.Add(keyWarning);
        }

        if (Email.PickupInChatWarning.For(configuration) is { } pickupWarning)
        {
            warnings.Add(pickupWarning);
        }

        errors.AddRange(SchoolCheck.Problems(configuration));
        errors.AddRange(AdapterFailures(adapters, errors));
        if (!PlatformSettings.From(configuration).Any)
        {
            warnings.Add("No chat platform is configured (Discord:Token and Discord:ApplicationId, or Slack:BotToken and Slack:AppToken): " +
                "only `petitionbot console` and the CLI verbs will work");
        }

        return new ConfigProblems(errors, warnings);
    }

    /// <summary>The adapters as the host composes them (their registrations only: nothing is resolved beyond options
    /// and identity schemes, nothing connects), so check-config runs the very validators the bot runs at start.</summary>
    private static ServiceProvider Adapters(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        ChatAdapters.AddIdentities(services);
        services.AddDiscordAdapter(configuration);
        services.AddSlackAdapter(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Each adapter's options validation (<c>ValidateOnStart</c>), one line per failure. A value the binder
    /// cannot convert is reported like the other settings, naming the key and the expected type.</summary>
    private static IEnumerable<string> AdapterFailures(ServiceProvider adapters, List<string> errors)
    {
        try
        {
            adapters.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures;
        }
        catch (AggregateException ex)
        {
            return ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ConversionMessage(ex, "Discord or Slack"));
            return [];
        }
    }

    private static IEnumerable<string> Failures(ValidateOptionsResult result) =>
        result.Failed ? result.Failures ?? [] : [];

    /// <summary>Binds a settings class; a value the binder cannot convert becomes an error naming the key and the
    /// expected type (the binder's own message quotes the value, which may be a secret).</summary>
    private static T? Bind<T>(IConfiguration section, List<string> errors)
        where T : class, new()
    {
        var options = new T();
        try
        {
            section.Bind(options);
            return options;
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ConversionMessage(ex, section is IConfigurationSection s ? s.Path : "(root)"));
            return null;
        }
    }

    private static string ConversionMessage(InvalidOperationException ex, string where)
    {
        var match = ConversionFailure().Match(ex.Message);
        return match.Success
            ? $"{match.Groups["key"].Value} must be a valid {FriendlyType(match.Groups["type"].Value)}"
            : $"{where} could not be read: {ex.GetType().Name}";
    }

    private static string FriendlyType(string type) => type switch
    {
        _ when type.Contains("System.Int32", StringComparison.Ordinal) || type.Contains("System.Int64", StringComparison.Ordinal) => "whole number",
        _ when type.Contains("System.TimeSpan", StringComparison.Ordinal) => "duration such as 00:00:30 or 1.00:00:00",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("System.DateTime", StringComparison.Ordinal) => "date and time such as 2026-06-30T23:59:00Z",
        _ => "value",
    };
}
