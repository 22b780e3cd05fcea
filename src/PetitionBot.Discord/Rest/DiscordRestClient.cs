using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PetitionBot.Discord.Api;

namespace PetitionBot.Discord.Rest;

/// <summary>The typed HttpClient of the adapter. Auth, User-Agent and rate limits come from the handler pipeline;
/// this class builds requests and maps responses to <see cref="DiscordRestResult"/> without throwing for HTTP errors.</summary>
internal sealed class DiscordRestClient(HttpClient http)
{
    private static readonly TimeSpan MaxWebhookRetryWait = TimeSpan.FromSeconds(10);

    /// <summary>A callback must reach Discord within 3 s of the interaction: past this wait a retry would be too late.</summary>
    private static readonly TimeSpan MaxCallbackRetryWait = TimeSpan.FromSeconds(2);

    private const int MaxCallbackRetries = 3;

    public async Task<(DiscordRestResult Result, GatewayBotInfo? Info)> GetGatewayBotAsync(CancellationToken ct = default)
    {
        var result = await SendAsync(HttpMethod.Get, "gateway/bot", null, ct).ConfigureAwait(false);
        var info = result.IsSuccess && result.Body is { } body ? JsonSerializer.Deserialize(body, DiscordJsonContext.Default.GatewayBotInfo) : null;
        return (result, info);
    }

    public Task<DiscordRestResult> BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<CommandPayload> commands, CancellationToken ct = default)
    {
        var path = guildId is null
            ? $"applications/{applicationId}/commands"
            : $"applications/{applicationId}/guilds/{guildId}/commands";
        return SendAsync(HttpMethod.Put, path, Json(commands, DiscordJsonContext.Default.Commands), ct);
    }

    public Task<DiscordRestResult> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"channels/{channelId}/messages", Json(message, DiscordJsonContext.Default.MessagePayload), ct);

    /// <summary>POST /users/@me/channels: opens (or returns the existing) DM channel with one user; the channel id on success.</summary>
    public async Task<(DiscordRestResult Result, string? ChannelId)> CreateDirectMessageChannelAsync(string userId, CancellationToken ct = default)
    {
        var request = Json(new DirectMessageChannelRequest(userId), DiscordJsonContext.Default.DirectMessageChannelRequest);
        var result = await SendAsync(HttpMethod.Post, "users/@me/channels", request, ct).ConfigureAwait(false);
        var channel = result.IsSuccess && result.Body is { } body ? JsonSerializer.Deserialize(body, DiscordJsonContext.Default.ChannelPayload) : null;
        return (result, channel?.Id);
    }

    /// <summary>The interaction's one callback. Discord did not apply a callback it answered with 429, so it is sent
    /// again once the limiter has waited out <c>retry_after</c>, when that still fits in the 3-second window.</summary>
    public async Task<DiscordRestResult> CreateInteractionResponseAsync(string interactionId, string token, InteractionCallbackPayload callback, CancellationToken ct = default)
    {
        var path = $"interactions/{interactionId}/{token}/callback";
        var result = await SendAsync(HttpMethod.Post, path, Json(callback, DiscordJsonContext.Default.InteractionCallbackPayload), ct).ConfigureAwait(false);
        var waited = TimeSpan.Zero;
        for (var retry = 0; retry < MaxCallbackRetries && result.Status == HttpStatusCode.TooManyRequests; retry++)
        {
            waited += result.RetryAfter ?? TimeSpan.FromMilliseconds(100);
            if (waited > MaxCallbackRetryWait)
            {
                break;
            }

            result = await SendAsync(HttpMethod.Post, path, Json(callback, DiscordJsonContext.Default.InteractionCallbackPayload), ct).ConfigureAwait(false);
        }

        return result;
    }

    public Task<DiscordRestResult> EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, CancellationToken ct = default) =>
        SendRetryingAsync(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", () => Json(message, DiscordJsonContext.Default.MessagePayload), ct);

    /// <summary>A follow-up message; with files it is sent as multipart (<c>payload_json</c> + <c>files[n]</c>).</summary>
    public Task<DiscordRestResult> CreateFollowupAsync(string applicationId, string token, MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken ct = default) =>
        SendRetryingAsync(HttpMethod.Post, $"webhooks/{applicationId}/{token}", () => files is { Count: > 0 } ? Multipart(message, files) : Json(message, DiscordJsonContext.Default.MessagePayload), ct);

    /// <summary>Webhook calls (edits, follow-ups) are safe to repeat after a 429: one retry once the limiter has waited
    /// out <c>retry_after</c> (the rate-limit handler holds the bucket until then).</summary>
    private async Task<DiscordRestResult> SendRetryingAsync(HttpMethod method, string path, Func<HttpContent> content, CancellationToken ct)
    {
        var result = await SendAsync(method, path, content(), ct).ConfigureAwait(false);
        return result.Status == HttpStatusCode.TooManyRequests && result.RetryAfter <= MaxWebhookRetryWait
            ? await SendAsync(method, path, content(), ct).ConfigureAwait(false)
            : result;
    }

    /// <summary>A JSON body written straight to UTF-8 by the generated contract of <typeparamref name="T"/>.</summary>
    private static ByteArrayContent Json<T>(T payload, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static MultipartFormDataContent Multipart(MessagePayload message, IReadOnlyList<FileAttachment> files)
    {
        var withRefs = message with { Attachments = files.Select((f, i) => new AttachmentRefPayload(i.ToString(System.Globalization.CultureInfo.InvariantCulture), f.FileName)).ToList() };
        var content = new MultipartFormDataContent();
        content.Add(Json(withRefs, DiscordJsonContext.Default.MessagePayload), "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
            content.Add(part, $"files[{i}]", files[i].FileName);
        }

        return content;
    }

    private async Task<DiscordRestResult> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            TimeSpan? retryAfter = null;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (retryAfter, _) = await RateLimitHandler.ReadRetryAfterAsync(response, ct).ConfigureAwait(false);
            }

            return new DiscordRestResult(response.StatusCode, response.IsSuccessStatusCode ? null : ErrorCode(body), retryAfter, body);
        }
        catch (HttpRequestException ex)
        {
            return DiscordRestResult.NetworkError(ex.GetType().Name);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return DiscordRestResult.NetworkError(ex.GetType().Name);
        }
    }

    private static int? ErrorCode(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.ErrorPayload)?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
