using System.Text.RegularExpressions;

namespace PetitionBot.Metrics;

/// <summary>Keeps metric labels safe to publish: only known tag keys become labels, and a value is kept only when it
/// is a short lowercase word (a platform name, an outcome); anything that could be an id, a name or message text is
/// replaced by "other".</summary>
internal static partial class MetricLabels
{
    public const string Other = "other";

    /// <summary>The tag keys <see cref="Core.Telemetry.BotMetrics"/> documents; any other tag is dropped.</summary>
    public static readonly IReadOnlyList<string> AllowedKeys = ["platform", "kind", "outcome", "reason", "scope"];

    [GeneratedRegex("^[a-z][a-z_.-]{0,31}$")]
    private static partial Regex SafeValue();

    public static string Value(object? raw)
    {
        var text = raw switch
        {
            null => "",
            Enum e => e.ToString().ToLowerInvariant(),
            _ => Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant() ?? "",
        };
        return text.Length == 0 ? "" : SafeValue().IsMatch(text) ? text : Other;
    }
}
