using Microsoft.Extensions.Options;

namespace PetitionBot.Hosting;

internal sealed class HttpOptionsValidation : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        var urls = (options.Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var metrics = MetricsListener.Split(options.MetricsUrls);
        if (metrics.Any(u => !Uri.TryCreate(MetricsListener.Host(u), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !MetricsListener.HasExplicitPort(u))
            || MetricsListener.Ports(options.MetricsUrls).Overlaps(MetricsListener.Ports(options.Urls)))
        {
            return ValidateOptionsResult.Fail("Http:MetricsUrls must be http(s) URLs with explicit ports, separated by ';', on ports not used by Http:Urls");
        }

        return urls.Length > 0 && urls.All(u => Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Http:Urls must be one or more http(s) URLs separated by ';'");
    }
}
