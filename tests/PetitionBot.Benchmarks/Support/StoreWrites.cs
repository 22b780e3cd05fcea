using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Reads the bot's committed store write transactions from its private /metrics listener.</summary>
internal sealed class StoreWrites(string metricsUrl)
{
    private const string Series = "petitionbot_store_write_transactions_total";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A loopback URL on a port free right now, for <c>Http:MetricsUrls</c>.</summary>
    public static string FreeUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>The sum of the series over its labels (0 before the first write).</summary>
    public async Task<double> ReadAsync()
    {
        var text = await Http.GetStringAsync(metricsUrl + "/metrics");
        return text.Split('\n')
            .Where(l => l.StartsWith(Series, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
