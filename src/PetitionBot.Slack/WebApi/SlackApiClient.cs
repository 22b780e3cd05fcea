using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace PetitionBot.Slack.WebApi;

/// <summary>The typed HttpClient of the Slack Web API: JSON bodies for writes, form bodies for reads, the ok/error
/// envelope mapped to a <see cref="SlackApiResponse"/>. Never throws for Slack or network errors; cancellation throws.
/// The base address is <see cref="SlackOptions.ApiBaseUrl"/>; auth and pacing live in the DelegatingHandlers.</summary>
internal sealed class SlackApiClient(HttpClient http, ILogger<SlackApiClient> logger)
{
    /// <summary>A write method with a JSON body.</summary>
    public Task<SlackApiResponse> CallJsonAsync(SlackRequestContext context, JsonObject body, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, context.Method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return SendAsync(request, context, ct);
    }

    /// <summary>A read method (or a method that only takes form data) with a form-encoded body.</summary>
    public Task<SlackApiResponse> CallFormAsync(SlackRequestContext context, IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, context.Method) { Content = new FormUrlEncodedContent(form) };
        return SendAsync(request, context, ct);
    }

    /// <summary>POST JSON to an absolute URL Slack handed out (response_url). No token.</summary>
    public Task<SlackApiResponse> PostToUrlAsync(Uri url, JsonObject body, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return SendAsync(request, new SlackRequestContext("response_url", null), ct);
    }

    /// <summary>POST the raw bytes of a file to the upload_url of files.getUploadURLExternal.</summary>
    public Task<SlackApiResponse> UploadAsync(Uri uploadUrl, byte[] content, string contentType, CancellationToken ct = default)
    {
        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = bytes };
        return SendAsync(request, new SlackRequestContext("file_upload", null), ct);
    }

    private async Task<SlackApiResponse> SendAsync(HttpRequestMessage request, SlackRequestContext context, CancellationToken ct)
    {
        using var _ = request;
        request.Options.Set(SlackRequestContext.Key, context);
        SlackApiResponse result;
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            result = Map(context.Method, response, status, text);
        }
        catch (HttpRequestException ex)
        {
            result = SlackApiResponse.Failure(SlackApiResponse.TransportError + ":" + (ex.HttpRequestError.ToString()));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            result = SlackApiResponse.Failure(SlackApiResponse.TransportError + ":timeout");
        }

        if (!result.Ok)
        {
            SlackLog.ApiFailed(logger, context.Method, result.Error ?? "unknown");
        }

        return result;
    }

    private static SlackApiResponse Map(string method, HttpResponseMessage response, int status, string text)
    {
        TimeSpan? retryAfter = status == 429 ? SlackRateLimitHandler.RetryAfterOf(response) : null;
        JsonElement body = default;
        if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
        {
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                body = default;
            }
        }

        if (status == 429)
        {
            Core.Telemetry.BotMetrics.RateLimited.Add(1,
                new KeyValuePair<string, object?>("platform", "slack"),
                new KeyValuePair<string, object?>("scope", "method"));
            return new SlackApiResponse(false, "ratelimited", status, retryAfter, body);
        }

        if (status >= 400)
        {
            return new SlackApiResponse(false, ErrorOf(body) ?? $"http_{status}", status, null, body);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            // response_url and upload URLs answer "ok" or an empty body.
            var plainOk = method is "response_url" or "file_upload";
            return new SlackApiResponse(plainOk, plainOk ? null : "invalid_response", status, null, body);
        }

        var ok = body.TryGetProperty("ok", out var okElement) && okElement.ValueKind == JsonValueKind.True;
        return new SlackApiResponse(ok, ok ? null : ErrorOf(body) ?? "unknown_error", status, retryAfter, body);
    }

    private static string? ErrorOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
