using Microsoft.AspNetCore.Http;

namespace PetitionBot.AdapterSupport.Http;

/// <summary>A bounded read of an unauthenticated request body: at most <see cref="MaxBytes"/>. A declared
/// Content-Length above the limit is refused without reading a byte; without one (chunked) the read stops one byte past
/// the limit. A refused request is answered 413 and its connection closed, so the rest of the body is never read.</summary>
public static class RequestBodyLimit
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await request.Body.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total > MaxBytes ? null : buffer[..total];
    }

    /// <summary>Answer 413 and close the connection instead of draining the unread rest of the body.</summary>
    public static void Refuse(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        response.Headers.Connection = "close";
    }
}
