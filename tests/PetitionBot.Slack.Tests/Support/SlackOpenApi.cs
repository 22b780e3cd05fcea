using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PetitionBot.Slack.Tests.Support;

/// <summary>Request-body schemas derived from Slack's official Web API OpenAPI spec (vendored, trimmed, in
/// tests/PetitionBot.Slack.Tests/Examples):
/// the method's parameters (minus the token, which goes in the header), their types, the required ones, nothing else.</summary>
public static class SlackOpenApi
{
    private static readonly Lazy<JsonObject> Paths = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "slack_web_openapi_v2.trimmed.json")))!
            ["paths"]!.AsObject());

    public static bool Knows(string method) => Paths.Value.ContainsKey("/" + method);

    public static JsonSchema SchemaFor(string method)
    {
        var operation = Paths.Value["/" + method]!.AsObject().First().Value!;
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var p in operation["parameters"]!.AsArray())
        {
            var name = p!["name"]!.GetValue<string>();
            if (name == "token" || p["in"]!.GetValue<string>() == "header")
            {
                continue;
            }

            properties[name] = (p["type"]?.GetValue<string>(), name) switch
            {
                (_, "blocks" or "attachments" or "view" or "files") => new JsonObject(),
                ("boolean", _) => JsonNode.Parse("""{"anyOf":[{"type":"boolean"},{"enum":["true","false","1","0"]}]}"""),
                ("integer", _) => JsonNode.Parse("""{"anyOf":[{"type":"integer"},{"type":"string","pattern":"^[0-9]+$"}]}"""),
                _ => new JsonObject { ["type"] = "string" },
            };
            if (p["required"]?.GetValue<bool>() == true)
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required, ["additionalProperties"] = false };
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>Validate a JSON body, or a form turned into an object of strings.</summary>
    public static bool IsValid(string method, JsonNode body)
    {
        using var doc = JsonDocument.Parse(body.ToJsonString());
        return SchemaFor(method).Evaluate(doc.RootElement).IsValid;
    }
}
