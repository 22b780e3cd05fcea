using System.Globalization;
using System.Net;
using System.Text.Json;
using PetitionBot.Discord.Api;

namespace PetitionBot.Discord.Rest;

/// <summary>Waits for the bucket (and the global limit) before each request and learns from each response.
/// A 429 is not retried here: its delay is recorded so the next request of the bucket waits, and the caller decides.</summary>
internal sealed class RateLimitHandler(DiscordRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.From(request.Method, request.RequestUri!);
        var (bucket, slot) = await limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage? response = null;
        TimeSpan? retryAfter = null;
        var global = false;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        finally
        {
            limiter.Release(route, bucket, slot, response, retryAfter, global);
        }
    }

    /// <summary>The delay of a 429: body <c>retry_after</c> (fractional seconds), else the <c>Retry-After</c> header.</summary>
    public static async Task<(TimeSpan? RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken ct = default)
    {
        TimeSpan? retryAfter = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (Parse(body) is { } limited)
        {
            retryAfter = limited.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
            global |= limited.Global == true;
        }

        if (retryAfter is null && response.Headers.TryGetValues("Retry-After", out var values) &&
            double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var headerSeconds))
        {
            retryAfter = TimeSpan.FromSeconds(headerSeconds);
        }

        return (retryAfter, global);
    }

    private static RateLimitPayload? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.RateLimitPayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
