namespace PetitionBot.Metrics;

/// <summary>Registers <c>/metrics</c>' registry; <see cref="MetricsEndpoints.MapPetitionMetrics"/> maps the endpoint.</summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddPetitionMetrics(this IServiceCollection services) =>
        services.AddSingleton<PetitionMetrics>();
}
