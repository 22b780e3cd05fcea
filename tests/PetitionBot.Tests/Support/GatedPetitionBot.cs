using PetitionBot.Core;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Support;

/// <summary>The real core with a gate: once armed, the next interaction stops inside the core call until released,
/// the way a slow store call would. Like a store call it honours its token: work cancelled by a stop ends there.</summary>
internal sealed class GatedPetitionBot(PetitionBotService inner) : IPetitionBot
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    /// <summary>Completes when the armed interaction is inside the core.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Replaces the host's <see cref="IPetitionBot"/> with a gated one (for <c>PetitionHostOptions.ConfigureServices</c>).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<GatedPetitionBot>();
        services.AddSingleton<IPetitionBot>(sp => sp.GetRequiredService<GatedPetitionBot>());
    }

    /// <summary>Holds the next interaction.</summary>
    public void Arm() => Volatile.Write(ref _armed, 1);

    public void Release() => _release.TrySetResult();

    public async Task<Reply> HandleAsync(BotInput input, CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _entered.TrySetResult();
            await _release.Task.WaitAsync(ct);
        }

        return await inner.HandleAsync(input, ct);
    }

    public Task ServerJoinedAsync(ServerRef server, string? name, CancellationToken ct = default) => inner.ServerJoinedAsync(server, name, ct);

    public Task ServerLeftAsync(ServerRef server, CancellationToken ct = default) => inner.ServerLeftAsync(server, ct);
}
