using PetitionBot.Core.Ports;

namespace PetitionBot.Health;

/// <summary>/healthz: each adapter's state and the store's. 503 when the store fails or every adapter has stopped.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", async (IServiceProvider sp, CancellationToken ct) =>
    {
        var adapters = sp.GetServices<IAdapterStatusSource>().Select(s => s.Current).ToList();
        string store;
        int? backlog = null;
        try
        {
            backlog = await sp.GetRequiredService<IOutboxStore>().PendingCountAsync(ct);
            store = "ok";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            store = "failing: " + ex.GetType().Name;
        }

        var allStopped = adapters.Count > 0 && adapters.All(a => a.State == AdapterState.Stopped);
        var healthy = store == "ok" && !allStopped;
        var body = new HealthReport(
            healthy ? (adapters.Any(a => a.State != AdapterState.Connected) ? "degraded" : "ok") : "unhealthy",
            store,
            backlog,
            adapters.Select(a => new AdapterHealth(a.Name, a.State.ToString().ToLowerInvariant(), a.Reason, a.Since)).ToList(),
            sp.GetService<IExclusiveRoles>()?.Held ?? []);
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    });
}
