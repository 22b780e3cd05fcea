using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.PublicPages;

/// <summary>The real host in bot mode (no chat platform) on a loopback port with <c>Http:PublicPages</c>, a fake clock,
/// and signatures written through the store.</summary>
internal sealed class PublicPageHost : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private int _next;

    private PublicPageHost(IHost host, Uri baseAddress, TempDirectory dir, FakeTimeProvider time)
    {
        Host = host;
        BaseAddress = baseAddress;
        _dir = dir;
        Time = time;
    }

    public IHost Host { get; }

    public Uri BaseAddress { get; }

    public FakeTimeProvider Time { get; }

    public ISignatureStore Signatures => Host.Services.GetRequiredService<ISignatureStore>();

    public static async Task<PublicPageHost> StartAsync(bool enabled = true)
    {
        var dir = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = TestConfig.For(dir.Path, new Dictionary<string, string?>
            {
                ["Http:PublicPages"] = enabled ? "true" : "false",
                ["Campaigns:0:Recipients:0"] = "Association of American Medical Colleges (AAMC)",
                ["Outbox:PollInterval"] = "01:00:00",
            }),
            ConfigureServices = s => s.AddSingleton<TimeProvider>(time),
        });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PublicPageHost(host, new Uri(address), dir, time);
    }

    /// <summary>Adds <paramref name="count"/> signatures at <paramref name="school"/>; names are "{namePrefix} {n}" or null (counted only).</summary>
    public async Task SignAsync(string school, int count, string? namePrefix, string stage = "MS1")
    {
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _next);
            await Signatures.AddAsync(new NewSignature("test", $"discord:9000{n}", new SignerAnswers(PlatformKind.Discord, "500", namePrefix is null ? null : $"{namePrefix} {n}",
                school, stage, "Medical student", Verification.SelfAttested, Time.GetUtcNow())), MilestonePlan.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        _dir.Dispose();
    }
}
