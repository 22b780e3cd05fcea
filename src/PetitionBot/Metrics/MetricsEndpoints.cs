using Prometheus;

namespace PetitionBot.Metrics;

/// <summary><c>GET /metrics</c>: Prometheus text format. Metric names start with <c>petitionbot_</c> (plus the
/// standard <c>process_</c> and <c>dotnet_</c> ones); labels carry platform names and outcome words only.</summary>
public static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static void MapPetitionMetrics(this WebApplication app) =>
        app.MapMetrics(Path, app.Services.GetRequiredService<PetitionMetrics>().Registry);
}
