using Microsoft.Extensions.Configuration;

namespace PetitionBot.AdapterSupport.Options;

/// <summary>Shape rules both adapters' options validations use. Messages name keys, never values: tokens are secrets.</summary>
public static class SettingRules
{
    /// <summary>The value, trimmed, or null when missing or blank.</summary>
    public static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Whether <paramref name="key"/> of <paramref name="section"/> has a value (not blank).</summary>
    public static bool IsSet(IConfiguration section, string key) => !string.IsNullOrWhiteSpace(section[key]);

    /// <summary>Whether any of <paramref name="keys"/> of <paramref name="section"/> has a value: the adapter switches on.</summary>
    public static bool AnySet(IConfiguration section, params string[] keys) => keys.Any(key => IsSet(section, key));

    /// <summary>An https URL, or http on the loopback interface (a local fake server or tunnel).</summary>
    public static bool IsApiUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>The one-line message for a URL that fails <see cref="IsApiUrl"/>.</summary>
    public static string ApiUrlMessage(string key) =>
        $"{key} must be an absolute https:// URL (http:// only for localhost or 127.0.0.1)";
}
