using Microsoft.Extensions.Options;

namespace PetitionBot.Hosting;

internal sealed class HttpOptionsValidation : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        var urls = (options.Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Length > 0 && urls.All(u => Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Http:Urls must be one or more http(s) URLs separated by ';'");
    }
}
