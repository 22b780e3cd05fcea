using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Http;
using PetitionBot.Slack.Api;

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

        InboundPayload? payload;
        try
        {
            payload = ParsePayload(type, body);
        }
        catch (JsonException)
        {
            payload = null;
        }

        // Signed but malformed (an array, a bare value, interactivity without a payload object): 400, no detail.
        if (payload is null)
        {
            return Results.BadRequest();
        }

        if (payload is EventsApiPayload { Type: EventsApiPayload.UrlVerification } verification)
        {
            return Results.Json(new UrlVerificationResponse(verification.Challenge), SlackJsonContext.Default.UrlVerificationResponse);
        }

        var id = payload.TriggerId ?? (payload as EventsApiPayload)?.EventId ?? Guid.NewGuid().ToString("N");
        if (!await services.GetRequiredService<SlackHttpReplayGuard>().FirstTimeAsync(type + ":" + id))
        {
            return Results.Ok();
        }

        var envelope = new SlackEnvelope("http:" + id, type, payload, true, 0, null, time.GetUtcNow());
        var acked = new TaskCompletionSource<SlackAckPayload?>(TaskCreationOptions.RunContinuationsAsynchronously);
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

        return Results.Json(payloadOut, SlackJsonContext.Default.SlackAckPayload);
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

    /// <summary>The request body as its payload record: events are JSON, interactivity is JSON in the form field
    /// <c>payload</c>, a slash command is the form itself (read through the same record as Socket Mode's JSON).</summary>
    private static InboundPayload? ParsePayload(string type, string body)
    {
        var json = SlackJsonContext.Default;
        if (type == SlackEnvelope.EventsApi)
        {
            return JsonSerializer.Deserialize(body, json.EventsApiPayload);
        }

        var form = QueryHelpers.ParseQuery(body);
        if (type == SlackEnvelope.Interactive)
        {
            return form.TryGetValue("payload", out var payload) ? JsonSerializer.Deserialize(payload.ToString(), json.InteractivePayload) : null;
        }

        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(fields, json.DictionaryStringString), json.SlashCommandPayload);
    }
}
