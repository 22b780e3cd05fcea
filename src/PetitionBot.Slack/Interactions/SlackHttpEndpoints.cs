using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Http;

namespace PetitionBot.Slack.Interactions;

/// <summary>HTTP mode (when <see cref="SlackOptions.SigningSecret"/> is set): <c>POST /slack/commands</c>,
/// <c>/slack/interactivity</c>, <c>/slack/events</c>, v0-signed. Each request becomes the same envelope Socket Mode
/// delivers and runs through the same handlers; the ack becomes the HTTP response (within Slack's 3 s), the rest of the
/// work goes on in the background.</summary>
public static class SlackHttpEndpoints
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractivityPath = "/slack/interactivity";
    public const string EventsPath = "/slack/events";

    public static IEndpointRouteBuilder MapSlackHttp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CommandsPath, (Delegate)((HttpContext http) => HandleAsync(http, SlackEnvelope.SlashCommands)));
        endpoints.MapPost(InteractivityPath, (Delegate)((HttpContext http) => HandleAsync(http, SlackEnvelope.Interactive)));
        endpoints.MapPost(EventsPath, (Delegate)((HttpContext http) => HandleAsync(http, SlackEnvelope.EventsApi)));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, string type)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        if (string.IsNullOrEmpty(options.SigningSecret))
        {
            return Results.NotFound();
        }

        // Before reading anything: signature and timestamp headers present and fresh; then at most 64 KB of body.
        if (!SlackSignatureVerifier.HeadersPlausible(http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], time.GetUtcNow()))
        {
            return Results.Unauthorized();
        }

        if (await RequestBodyLimit.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false) is not { } bytes)
        {
            RequestBodyLimit.Refuse(http.Response);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = Encoding.UTF8.GetString(bytes);
        if (!SlackSignatureVerifier.Verify(options.SigningSecret, http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], body, time.GetUtcNow()))
        {
            return Results.Unauthorized();
        }

        JsonElement payload;
        try
        {
            payload = ParsePayload(type, body);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        // Signed but malformed (an array, a bare value, interactivity without a payload object): 400, no detail.
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Results.BadRequest();
        }

        if (type == SlackEnvelope.EventsApi && SlackPayload.Str(payload, "type") == "url_verification")
        {
            return Results.Json(new { challenge = SlackPayload.Str(payload, "challenge") });
        }

        var id = SlackPayload.Str(payload, "trigger_id") ?? SlackPayload.Str(payload, "event_id") ?? Guid.NewGuid().ToString("N");
        if (!await services.GetRequiredService<SlackHttpReplayGuard>().FirstTimeAsync(type + ":" + id))
        {
            return Results.Ok();
        }

        var envelope = new SlackEnvelope("http:" + id, type, payload, true, 0, null, time.GetUtcNow());
        var acked = new TaskCompletionSource<JsonObject?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ack = new SlackAck(p =>
        {
            acked.TrySetResult(p);
            return Task.CompletedTask;
        });
        var handler = services.GetRequiredService<ISlackEnvelopeHandler>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints).FullName!);
        _ = Task.Run(() => RunAsync(handler, envelope, ack, logger, stopping), CancellationToken.None);
        var budget = options.AckBudget + TimeSpan.FromMilliseconds(300);
        var answer = await Task.WhenAny(acked.Task, Task.Delay(budget, time, http.RequestAborted)).ConfigureAwait(false);
        if (answer != acked.Task || await acked.Task.ConfigureAwait(false) is not { } payloadOut)
        {
            return Results.Ok();
        }

        return Results.Content(payloadOut.ToJsonString(), "application/json");
    }

    private static async Task RunAsync(ISlackEnvelopeHandler handler, SlackEnvelope envelope, SlackAck ack, ILogger logger, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(envelope, ack, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            SlackLog.HandlerFailed(logger, ex, envelope.Type);
        }
        finally
        {
            await ack.SendAsync().ConfigureAwait(false);
        }
    }

    private static JsonElement ParsePayload(string type, string body)
    {
        if (type == SlackEnvelope.EventsApi)
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        var form = QueryHelpers.ParseQuery(body);
        if (type == SlackEnvelope.Interactive)
        {
            // No payload field at all (the indexer would throw): an Undefined element, refused as 400 by the caller.
            return form.TryGetValue("payload", out var json) ? JsonDocument.Parse(json.ToString()).RootElement.Clone() : default;
        }

        var fields = new JsonObject();
        foreach (var (key, value) in form)
        {
            fields[key] = value.ToString();
        }

        return JsonDocument.Parse(fields.ToJsonString()).RootElement.Clone();
    }
}
