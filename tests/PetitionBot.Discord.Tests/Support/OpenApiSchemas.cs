using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PetitionBot.Discord.Tests.Support;

/// <summary>Validates request bodies against the official Discord OpenAPI schemas, vendored (trimmed) in
/// tests/PetitionBot.Discord.Tests/Schemas and copied beside the test binaries.</summary>
internal static class OpenApiSchemas
{
    public const string MessageCreate = "MessageCreateRequest";
    public const string InteractionCallbackBody = "InteractionCallbackBody";
    public const string WebhookEdit = "IncomingWebhookUpdateRequestPartial";
    public const string WebhookExecute = "IncomingWebhookRequestPartial";

    private static readonly Lazy<(BuildOptions Options, Uri Base)> Document = new(Load);
    private static readonly Dictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static void AssertValid(string schemaName, JsonNode? body)
    {
        Assert.NotNull(body);
        var schema = Get(schemaName);
        using var doc = JsonDocument.Parse(body!.ToJsonString());
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Take(15);
            Assert.Fail($"Body does not match {schemaName}:\n{string.Join("\n", errors)}\n{body.ToJsonString()}");
        }
    }

    private static JsonSchema Get(string name)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(name, out var schema))
            {
                var (options, baseUri) = Document.Value;
                var root = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"{{baseUri}}#/$defs/{{name}}"}""";
                schema = JsonSchema.FromText(root, options, new Uri($"https://petitionbot.test/check/{name}"));
                Cache[name] = schema;
            }

            return schema;
        }
    }

    private static (BuildOptions, Uri) Load()
    {
        var openapi = JsonNode.Parse(File.ReadAllText(OpenApiPath()))!;
        var defs = openapi["components"]!["schemas"]!.AsObject();

        // The callback endpoint's request body is an inline anyOf: expose it as a definition.
        defs[InteractionCallbackBody] = openapi["paths"]!["/interactions/{interaction_id}/{interaction_token}/callback"]!["post"]!
            ["requestBody"]!["content"]!["application/json"]!["schema"]!.DeepClone();
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs.DeepClone(),
        }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var baseUri = new Uri("https://petitionbot.test/discord-openapi");
        var options = new BuildOptions();
        JsonSchema.FromText(text, options, baseUri);
        return (options, baseUri);
    }

    public static string OpenApiPath() => Path.Combine(AppContext.BaseDirectory, "Schemas", "discord_openapi.trimmed.json");
}
