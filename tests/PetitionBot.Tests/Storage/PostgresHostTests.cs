using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Storage;

/// <summary>The host with <c>Storage:Provider=Postgres</c> on the real test PostgreSQL server.</summary>
public sealed class PostgresHostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_PostgresWithoutConnectionString_ExitsTwoWithOneLine()
    {
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["totals"], TextReader.Null, new CapturedOutput(), error, TestConfig.For(_dir.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        var line = Assert.Single(error.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Storage:ConnectionString is required", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Healthz_PostgresReachableThenNot_SaysOkThenFailing()
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            Assert.Equal((HttpStatusCode.OK, "ok", ""), await HealthAsync(connection));
            Assert.Equal((HttpStatusCode.OK, "ok", "discord-gateway"), await HealthAsync(connection, holdGateway: true));
            var dead = new Npgsql.NpgsqlConnectionStringBuilder(connection) { Port = FreePort(), Timeout = 2 }.ConnectionString;
            var (status, store, _) = await HealthAsync(dead);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.StartsWith("failing", store, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    [Fact]
    public async Task Totals_PostgresProvider_SignaturesLandInPostgresNotInAFile()
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var settings = PostgresSettings(connection);
            using (var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, []) { Overrides = settings }))
            {
                await host.StartAsync();
                Assert.IsType<PostgresSignatureStore>(host.Services.GetRequiredService<ISignatureStore>());
                var outcome = await host.Services.GetRequiredService<ISignatureStore>().AddAsync(
                    new NewSignature("test", "discord:1", new SignerAnswers(Core.Model.PlatformKind.Discord, "9", "Ana", "UCSF", "MS1", "Medical student", Verification.SelfAttested, DateTimeOffset.UtcNow)),
                    MilestonePlan.None);
                Assert.True(outcome.Added);
                await host.StopAsync();
            }

            var output = new CapturedOutput();
            Assert.Equal(0, await PetitionBotApp.RunAsync(["totals"], TextReader.Null, output, new CapturedOutput(), settings));
            Assert.Contains("1", output.Text, StringComparison.Ordinal);
            Assert.False(File.Exists(settings["Storage:Path"]));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private Dictionary<string, string?> PostgresSettings(string connection) => TestConfig.For(_dir.Path, new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = connection,
        ["Storage:KeyPath"] = Path.Combine(_dir.Path, "petitionbot.db.key"),
        ["Outbox:PollInterval"] = "01:00:00",
    });

    private async Task<(HttpStatusCode, string, string)> HealthAsync(string connection, bool holdGateway = false)
    {
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = PostgresSettings(connection),
            ConfigureServices = s => s.AddSingleton<IAdapterStatusSource>(new FakeAdapterStatus("discord")),
        });
        await host.StartAsync();
        var hold = holdGateway ? await host.Services.GetRequiredService<IExclusiveRoles>().AcquireAsync("discord-gateway") : null;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
            using var response = await http.GetAsync("/healthz");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var roles = string.Join(",", json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            return (response.StatusCode, json.RootElement.GetProperty("store").GetString()!, roles);
        }
        finally
        {
            if (hold is not null)
            {
                await hold.DisposeAsync();
            }

            await host.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
