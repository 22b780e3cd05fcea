using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PetitionBot.AdapterSupport.Http;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Interactions;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord;

/// <summary>The optional HTTP interactions endpoint (Discord:PublicKey set, the Interactions Endpoint URL configured
/// in the Developer Portal). Requests are verified with Ed25519 (bad or missing signature → 401), PING is answered with
/// PONG, and every other interaction is answered inline with the same callback the gateway path would send.</summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    public const string DefaultPattern = "/discord/interactions";

    /// <summary>Maps <c>POST /discord/interactions</c> when the adapter is registered and Discord:PublicKey is a valid key;
    /// otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        var verifier = endpoints.ServiceProvider.GetService<DiscordSignatureVerifier>();
        if (verifier is { IsConfigured: true })
        {
            endpoints.MapPost(pattern, HandleAsync);
        }

        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        var receivedAt = time.GetTimestamp();
        if (!DiscordSignatureVerifier.HeadersPlausible(context.Request.Headers["X-Signature-Timestamp"], context.Request.Headers["X-Signature-Ed25519"], time.GetUtcNow()))
        {
            // Before anything else: a missing signature or a stale/non-numeric timestamp (a replay) is refused unread.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (await RequestBodyLimit.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is not { } body)
        {
            RequestBodyLimit.Refuse(context.Response);
            return;
        }

        var verifier = services.GetRequiredService<DiscordSignatureVerifier>();
        if (!verifier.Verify(context.Request.Headers["X-Signature-Timestamp"], body, context.Request.Headers["X-Signature-Ed25519"]))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // Signed but malformed (not an interaction object, no whole-number type): 400 with no detail, never a 500.
        if (Read(body) is not { Type: { } kind } interaction)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (kind == InteractionCallbackPayload.Pong)
        {
            await WriteAsync(context, new InteractionCallbackPayload(InteractionCallbackPayload.Pong)).ConfigureAwait(false);
            return;
        }

        var first = new TaskCompletionSource<InteractionCallbackPayload>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var handler = services.GetRequiredService<InteractionHandler>();
        var work = RunAsync(handler, interaction, receivedAt, first, services.GetRequiredService<ILogger<InteractionHandler>>(), stopping);
        // Which task "won" is not the question: the callback's continuation runs asynchronously, so when the handler
        // finishes right after sending it, `work` completes first although the answer is there.
        await Task.WhenAny(first.Task, work).ConfigureAwait(false);
        if (first.Task.IsCompleted)
        {
            await WriteAsync(context, await first.Task.ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        // Nothing to answer (a repeated interaction id): Discord shows its own failure message.
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task RunAsync(InteractionHandler handler, InteractionPayload interaction, long receivedAt,
        TaskCompletionSource<InteractionCallbackPayload> first, ILogger logger, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(interaction, receivedAt, (callback, _) =>
            {
                var accepted = first.TrySetResult(callback);
                return Task.FromResult(new DiscordRestResult(accepted ? HttpStatusCode.NoContent : HttpStatusCode.BadRequest, null, null, null));
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.InteractionFailed(ex);
        }
    }

    private static InteractionPayload? Read(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.InteractionPayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, InteractionCallbackPayload callback)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(callback, DiscordJsonContext.Default.InteractionCallbackPayload), context.RequestAborted).AsTask();
    }
}
