using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PetitionBot.Core.Ports;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Hosting;

/// <summary>The real host in bot mode with <c>Http:MetricsUrls</c>: /metrics and /healthz only on the private listener.</summary>
public sealed class MetricsListenerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private readonly int _publicPort = FreePort();
    private readonly int _privatePort = FreePort();
    private IHost? _host;

    public async Task InitializeAsync()
    {
        _host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?>
            {
                ["Outbox:PollInterval"] = "01:00:00",
                ["Http:Urls"] = Url(_publicPort),
                ["Http:MetricsUrls"] = Url(_privatePort),
            }),
            ConfigureServices = s => s.AddSingleton<IAdapterStatusSource>(new FakeAdapterStatus("discord")),
        });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _dir.Dispose();
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/healthz")]
    public async Task Get_OpsPathOnPublicListener_NotFound(string path)
    {
        using var response = await _http.GetAsync(new Uri(Url(_publicPort) + path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/healthz")]
    public async Task Get_OpsPathOnPublicListenerWithPrivateHostHeader_NotFound(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url(_publicPort) + path));
        request.Headers.Host = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{_privatePort}");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/healthz")]
    public async Task Get_OpsPathOnPrivateListener_Served(string path)
    {
        using var response = await _http.GetAsync(new Uri(Url(_privatePort) + path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
