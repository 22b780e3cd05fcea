using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PetitionBot.AdapterSupport.Options;

/// <summary>What an adapter's options validation found, one sentence a problem in the order checked, and the result they
/// make. Messages name keys, never values: tokens are secrets.</summary>
public sealed class SettingProblems
{
    private readonly List<string> _messages = [];

    /// <summary>Adds <paramref name="message"/> when <paramref name="problem"/> holds (a key missing, two that go together).</summary>
    public void AddIf(bool problem, string message)
    {
        if (problem)
        {
            _messages.Add(message);
        }
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="value"/> is set but not of the shape <paramref name="shape"/>.</summary>
    public void AddIfMisshapen(string? value, Regex shape, string message) =>
        AddIf(value is not null && !shape.IsMatch(value), message);

    /// <summary>Adds <see cref="SettingRules.ApiUrlMessage"/> for <paramref name="key"/> when <paramref name="url"/> is set and
    /// fails <see cref="SettingRules.IsApiUrl"/>.</summary>
    public void AddIfNotApiUrl(string? url, string key) =>
        AddIf(url is not null && !SettingRules.IsApiUrl(url), SettingRules.ApiUrlMessage(key));

    /// <summary>Success when nothing was found, else every message.</summary>
    public ValidateOptionsResult ToValidateOptionsResult() => _messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_messages);
}
