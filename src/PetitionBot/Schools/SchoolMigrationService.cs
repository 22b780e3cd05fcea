using PetitionBot.Core.Ports;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Schools;

/// <summary>At start, before the adapters: gives every signature and server written before the school directory a
/// school id (same resolution as the sign flow; what does not resolve becomes "Other") and rebuilds the school totals.
/// LiteDB only for now: on PostgreSQL (no <see cref="LiteDbSchoolMaintenance"/>) it says so and does nothing.</summary>
internal sealed partial class SchoolMigrationService(
    IServiceProvider services,
    ISchoolDirectory directory,
    ILogger<SchoolMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<LiteDbSchoolMaintenance>() is not { } maintenance)
        {
            LogNotOnThisStore();
            return;
        }

        var migrated = await maintenance.MigrateAsync(directory, cancellationToken);
        if (migrated > 0)
        {
            LogMigrated(migrated);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The school-id migration runs on the LiteDB store only; skipped")]
    private partial void LogNotOnThisStore();

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave {Count} stored signatures a school id from the school directory")]
    private partial void LogMigrated(int count);
}
