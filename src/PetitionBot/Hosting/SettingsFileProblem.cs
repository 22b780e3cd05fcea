using System.Text.Json;
using System.Text.RegularExpressions;

namespace PetitionBot.Hosting;

/// <summary>Turns the configuration builder's exceptions for a bad settings file into one line a person can act on:
/// the file, the line and position (1-based), and what is wrong. Never quotes the file's content (it may hold secrets).</summary>
public static partial class SettingsFileProblem
{
    [GeneratedRegex("'(?<file>[^']+)'")]
    private static partial Regex QuotedFile();

    [GeneratedRegex(@"\s*(Path: .*?\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();

    public static string Describe(Exception ex)
    {
        if (ex is FileNotFoundException missing)
        {
            return $"Configuration error: the settings file {missing.FileName ?? QuotedFile().Match(missing.Message).Groups["file"].Value} " +
                "does not exist (named by PETITIONBOT_CONFIG).";
        }

        var file = QuotedFile().Match(ex.Message) is { Success: true } m ? m.Groups["file"].Value : "a settings file";
        var json = FindInner<JsonException>(ex);
        if (json is not null)
        {
            var what = PositionSuffix().Replace(json.Message, "").TrimEnd('.', ' ');
            return json.LineNumber is { } line
                ? $"Configuration error: {file} line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}: {what} (it is not valid JSON)."
                : $"Configuration error: {file}: {what} (it is not valid JSON).";
        }

        var format = FindInner<FormatException>(ex);
        var detail = (format?.Message ?? ex.InnerException?.Message ?? ex.Message).TrimEnd('.');
        return $"Configuration error: {file}: {detail}.";
    }

    private static T? FindInner<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }
}
