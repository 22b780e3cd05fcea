namespace PetitionBot.Core.Interactions;

/// <summary>The one-process <see cref="IHandledKeys"/>: the most recent keys in memory.</summary>
public sealed class MemoryHandledKeys : IHandledKeys
{
    private readonly RecentKeys _seen = new(20_000);

    public Task<bool> FirstTimeAsync(string key, CancellationToken ct = default) => Task.FromResult(_seen.TryAdd(key));
}
