using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PetitionBot.Slack.Tests.Support;

/// <summary>Request-body schemas derived from Slack's official Web API OpenAPI spec (../shared beside the repository):
/// the method's parameters (minus the token, which goes in the header), their types, the required ones, nothing else.</summary>
public static class SlackOpenApi
{
    private static readonly Lazy<JsonObject> Paths = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PetitionBot.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir ?? throw new InvalidOperationException("PetitionBot.sln not found above the test binaries");
        // CI: ../shared beside the clone; a git worktree may sit one level deeper, so look in every ancestor.
        var spec = string.Empty;
        for (var d = root.Parent; d is not null && !File.Exists(spec); d = d.Parent)
        {
            spec = Path.Combine(d.FullName, "shared", "protocol", "slack-examples", "slack_web_openapi_v2.json");
        }

        return JsonNode.Parse(File.ReadAllText(spec))!["paths"]!.AsObject();
    });

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
