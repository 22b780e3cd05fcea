namespace PetitionBot.Cli;

/// <summary>The campaign's <c>ExternalUrl</c> is where people who cannot sign here (not a student or resident) are
/// sent: a site's front page or the example's placeholder sends them nowhere useful. Warnings only: the bot still runs.</summary>
public static class ExternalUrlCheck
{
    public const string Placeholder = "REPLACE";

    public static IEnumerable<string> Warnings(IConfiguration configuration)
    {
        foreach (var campaign in configuration.GetSection("Campaigns").GetChildren())
        {
            var key = $"{campaign.Path}:ExternalUrl";
            if (campaign["ExternalUrl"] is not { Length: > 0 } raw || !Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri))
            {
                continue;
            }

            if (raw.Contains(Placeholder, StringComparison.Ordinal))
            {
                yield return $"{key} is still the example's placeholder: set it to your petition's own public address " +
                    "(people who cannot sign here are sent there)";
            }
            else if (uri.AbsolutePath is "" or "/" && uri.Query.Length == 0)
            {
                yield return $"{key} has no path (it is a site's front page): set it to your petition's own public address, " +
                    "such as https://www.change.org/p/your-petition (people who cannot sign here are sent there)";
            }
        }
    }
}
