using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Slack;

/// <summary>One Web API request as the fake saw it: method, bearer token, the team that token belongs to, the raw body
/// (JSON or form) and what the fake answered.</summary>
public sealed record FakeSlackApiCall(
    string Method,
    string? Token,
    string? TeamId,
    string ContentType,
    string Body,
    JsonNode? Json,
    IReadOnlyDictionary<string, string> Form,
    DateTimeOffset At,
    int StatusCode,
    string? Error)
{
    /// <summary>A parameter from the JSON body or the form, as a string.</summary>
    public string? Param(string name) =>
        Json is JsonObject o && o[name] is JsonNode n ? (n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n.ToJsonString())
        : Form.TryGetValue(name, out var f) ? f : null;
}
