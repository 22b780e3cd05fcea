namespace PetitionBot.Hosting;

/// <summary>Where settings come from, later sources winning: the defaults shipped beside the binary (the example
/// campaign), ./appsettings.json, ./appsettings.Local.json, the file named by PETITIONBOT_CONFIG, environment variables
/// (<c>Discord__Token</c>), then command-line <c>--Key=value</c>.</summary>
public static class ConfigurationLoader
{
    public static void Apply(IConfigurationBuilder builder, string[] configArgs, IDictionary<string, string?>? overrides = null)
    {
        builder.Sources.Clear();
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var local = Path.GetFullPath("appsettings.json");
        builder.AddJsonFile(shipped, optional: true, reloadOnChange: false);
        if (!string.Equals(shipped, local, StringComparison.Ordinal))
        {
            builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        builder.AddJsonFile(Path.GetFullPath("appsettings.Local.json"), optional: true, reloadOnChange: false);
        if (Environment.GetEnvironmentVariable("PETITIONBOT_CONFIG") is { Length: > 0 } extra)
        {
            builder.AddJsonFile(Path.GetFullPath(extra), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        builder.AddCommandLine(configArgs);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
    }

    public static IConfigurationRoot Load(string[] configArgs, IDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        Apply(builder, configArgs, overrides);
        return builder.Build();
    }

    /// <summary>Loads the configuration, or says in one line what is wrong with a settings file: which file, where, and
    /// what (a malformed JSON file, a duplicate key, a missing PETITIONBOT_CONFIG file).</summary>
    public static bool TryLoad(string[] configArgs, IDictionary<string, string?>? overrides, out IConfigurationRoot? configuration, out string? problem)
    {
        try
        {
            configuration = Load(configArgs, overrides);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or FormatException)
        {
            configuration = null;
            problem = SettingsFileProblem.Describe(ex);
            return false;
        }
    }
}
