using PetitionBot.Core.Schools;
using PetitionBot.Schools;

namespace PetitionBot.Cli;

/// <summary>The school directory part of <c>check-config</c>: its problems, and its size when it loads.</summary>
internal static class SchoolCheck
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var errors = new List<string>();
        try
        {
            SchoolDirectoryLoader.TryLoad(Options(configuration), errors);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"Schools: {ex.Message}");
        }

        return errors;
    }

    public static string Describe(IConfiguration configuration)
    {
        var options = Options(configuration);
        var directory = SchoolDirectoryLoader.TryLoad(options, []);
        if (directory is null)
        {
            return "School directory: not loaded.";
        }

        var source = options.File is { } file ? $"Schools:File {file}" : "the shipped list";
        return $"School directory: {directory.All.Count} schools ({directory.All.Count(s => s.Kind == SchoolKind.MD)} MD, " +
            $"{directory.All.Count(s => s.Kind == SchoolKind.DO)} DO) from {source} and {options.Entries.Count} Schools entries; " +
            $"{directory.All.Count(s => s.EmailDomains.Count > 0)} with email domains.";
    }

    private static SchoolOptions Options(IConfiguration configuration)
    {
        var options = new SchoolOptions();
        SchoolOptionsSetup.Bind(configuration, options);
        return options;
    }
}
