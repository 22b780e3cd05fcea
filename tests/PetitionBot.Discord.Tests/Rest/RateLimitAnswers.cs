using System.Globalization;
using System.Net;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>A Discord response as the rate limiter reads it: 200 with the <c>X-RateLimit-*</c> headers of a named bucket.</summary>
internal static class RateLimitAnswers
{
    public static HttpResponseMessage Ok(string bucket, int limit, int remaining, double resetAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Bucket", bucket);
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
