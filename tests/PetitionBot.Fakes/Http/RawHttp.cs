using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PetitionBot.Fakes.Http;

/// <summary>A hand-written HTTP/1.1 request over a real TCP connection: sends the head and only the start of the body,
/// then waits for the status line — so a test can prove the server answered without reading the rest.</summary>
public static class RawHttp
{
    public static async Task<int> StatusBeforeBodyEndsAsync(Uri url, IEnumerable<string> headers, byte[] bodyStart, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host, url.Port, cts.Token);
        var stream = client.GetStream();
        var head = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\n"));
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cts.Token);
        await stream.WriteAsync(bodyStart, cts.Token);
        var buffer = new byte[64];
        var total = 0;
        while (total < 12)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cts.Token);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        var line = Encoding.ASCII.GetString(buffer, 0, total);
        return int.Parse(line.AsSpan(9, 3), CultureInfo.InvariantCulture);
    }

    /// <summary>A chunked body's first chunk of <paramref name="size"/> bytes (no terminating chunk).</summary>
    public static byte[] FirstChunk(int size) =>
        [.. Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. new byte[size], .. "\r\n"u8];
}
