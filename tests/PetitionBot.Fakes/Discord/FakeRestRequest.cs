using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Discord;

/// <summary>A REST request the fake received, with the status it answered. <see cref="Json"/> is the JSON body
/// (or the <c>payload_json</c> part of a multipart body).</summary>
public sealed record FakeRestRequest(
    string Method,
    string Path,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    string Body,
    IReadOnlyList<FakeMultipartPart> Parts,
    int Status,
    DateTimeOffset ReceivedAt)
{
    public JsonNode? Json
    {
        get
        {
            var text = Parts.FirstOrDefault(p => p.Name == "payload_json")?.Text ?? Body;
            try
            {
                return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    public bool IsMultipart => ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
}
