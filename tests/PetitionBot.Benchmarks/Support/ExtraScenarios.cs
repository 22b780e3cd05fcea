using PetitionBot.Benchmarks.Scenarios;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Scenarios that drive the real host against the fake Discord and Slack servers (ack latency, sustained rate,
/// fan-out, footprint) register here.</summary>
internal static class ExtraScenarios
{
    public static IReadOnlyList<(string Name, Func<bool, Task<IReadOnlyList<BenchResult>>> Run)> All { get; } =
    [
        ("discord", DiscordLoadBenchmark.RunAsync),
        ("fanout", FanOutBenchmark.RunAsync),
        ("postgres", PostgresBenchmark.RunAsync),
        ("pdf", PdfPacketBenchmark.RunAsync),
        ("mail", MailBenchmark.RunAsync),
        ("email-sign", EmailSignBenchmark.RunAsync),
        ("memory", SteadyMemoryBenchmark.RunAsync),
        ("postgres-2p", TwoProcessBenchmark.RunAsync),
        ("postgres-totals", PostgresBenchmark.TotalsAsync),
        ("postgres-sign", PostgresSigningBenchmark.RunAsync),
        ("postgres-idle", PostgresIdleBenchmark.RunAsync),
    ];
}
