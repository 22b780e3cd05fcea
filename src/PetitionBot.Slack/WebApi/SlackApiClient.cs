using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.WebApi;

/// <summary>The typed HttpClient of the Slack Web API: JSON bodies for writes, form bodies for reads, the ok/error
/// envelope mapped to a <see cref="SlackApiResponse"/>. Never throws for Slack or network errors; cancellation throws.
/// The base address is <see cref="SlackOptions.ApiBaseUrl"/>; auth and pacing live in the DelegatingHandlers.</summary>
internal sealed class SlackApiClient(HttpClient http, ILogger<SlackApiClient> logger)
{
    /// <summary>A write method with a JSON body; the answer read as <typeparamref name="TResponse"/>.</summary>
    public Task<SlackApiResponse<TResponse>> CallJsonAsync<TRequest, TResponse>(
        SlackRequestContext context, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken ct = default)
        where TResponse : SlackApiBody
    {
        var request = new HttpRequestMessage(HttpMethod.Post, context.Method) { Content = JsonBody(body, requestType) };
        return SendAsync(request, context, responseType, ct);
    }

    /// <summary>A write method with a JSON body whose answer is only its ok/error envelope.</summary>
    public async Task<SlackApiResponse> CallJsonAsync<TRequest>(SlackRequestContext context, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken ct = default) =>
        await CallJsonAsync(context, body, requestType, SlackJsonContext.Default.SlackApiBody, ct).ConfigureAwait(false);

    /// <summary>A read method (or a method that only takes form data) with a form-encoded body.</summary>
    public Task<SlackApiResponse<TResponse>> CallFormAsync<TResponse>(
        SlackRequestContext context, IEnumerable<KeyValuePair<string, string>> form, JsonTypeInfo<TResponse> responseType, CancellationToken ct = default)
        where TResponse : SlackApiBody
    {
        var request = new HttpRequestMessage(HttpMethod.Post, context.Method) { Content = new FormUrlEncodedContent(form) };
        return SendAsync(request, context, responseType, ct);
    }

    /// <summary>POST a message to an absolute URL Slack handed out (response_url). No token.</summary>
    public async Task<SlackApiResponse> PostToUrlAsync(Uri url, ResponseUrlMessage body, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody(body, SlackJsonContext.Default.ResponseUrlMessage) };
        return await SendAsync(request, new SlackRequestContext("response_url", null), SlackJsonContext.Default.SlackApiBody, ct).ConfigureAwait(false);
    }

    /// <summary>POST the raw bytes of a file to the upload_url of files.getUploadURLExternal.</summary>
    public async Task<SlackApiResponse> UploadAsync(Uri uploadUrl, byte[] content, string contentType, CancellationToken ct = default)
    {
        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = bytes };
        return await SendAsync(request, new SlackRequestContext("file_upload", null), SlackJsonContext.Default.SlackApiBody, ct).ConfigureAwait(false);
    }

    private static ByteArrayContent JsonBody<T>(T body, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<SlackApiResponse<T>> SendAsync<T>(HttpRequestMessage request, SlackRequestContext context, JsonTypeInfo<T> responseType, CancellationToken ct)
        where T : SlackApiBody
    {
        using var _ = request;
        request.Options.Set(SlackRequestContext.Key, context);
        SlackApiResponse<T> result;
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            result = Map(context.Method, response, status, text, responseType);
        }
        catch (HttpRequestException ex)
        {
            result = SlackApiResponse<T>.Failure(SlackApiResponse.TransportError + ":" + (ex.HttpRequestError.ToString()));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            result = SlackApiResponse<T>.Failure(SlackApiResponse.TransportError + ":timeout");
        }

        if (!result.Ok)
        {
            SlackLog.ApiFailed(logger, context.Method, result.Error ?? "unknown");
        }

        return result;
    }

    private static SlackApiResponse<T> Map<T>(string method, HttpResponseMessage response, int status, string text, JsonTypeInfo<T> responseType)
        where T : SlackApiBody
    {
        TimeSpan? retryAfter = status == 429 ? SlackRateLimitHandler.RetryAfterOf(response) : null;
        var (envelope, body) = Read(text, responseType);
        if (status == 429)
        {
            Core.Telemetry.BotMetrics.RateLimited.Add(1,
                new KeyValuePair<string, object?>("platform", "slack"),
                new KeyValuePair<string, object?>("scope", "method"));
            return new(false, "ratelimited", status, retryAfter, body);
        }

        if (status >= 400)
        {
            return new(false, envelope?.Error ?? $"http_{status}", status, null, body);
        }

        if (envelope is null)
        {
            // response_url and upload URLs answer "ok" or an empty body.
            var plainOk = method is "response_url" or "file_upload";
            return new(plainOk, plainOk ? null : "invalid_response", status, null, null);
        }

        return new(envelope.Ok, envelope.Ok ? null : envelope.Error ?? "unknown_error", status, retryAfter, body);
    }

    /// <summary>The answer as its record; when only the ok/error envelope has the documented shape, that alone (the
    /// call's outcome is still known, its details are not).</summary>
    private static (SlackApiBody? Envelope, T? Body) Read<T>(string text, JsonTypeInfo<T> responseType)
        where T : SlackApiBody
    {
        if (text.Length == 0 || text[0] != '{')
        {
            return (null, null);
        }

        try
        {
            var body = JsonSerializer.Deserialize(text, responseType);
            return (body, body);
        }
        catch (JsonException)
        {
            // Not the documented shape: fall back to the envelope below.
        }

        try
        {
            return (JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackApiBody), null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
