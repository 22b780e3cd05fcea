using Microsoft.Extensions.Options;

namespace PetitionBot.Email;

/// <summary>At start, deletes the pickup folder's messages older than <see cref="PickupFolder.Retention"/> (left by an
/// earlier run), so a folder of old codes and addresses does not wait for the next code to be cleared.</summary>
internal sealed class PickupSweepService(IOptions<EmailOptions> options, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UsesSmtp && Directory.Exists(settings.PickupDirectory))
        {
            PickupFolder.Sweep(Path.GetFullPath(settings.PickupDirectory), time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
