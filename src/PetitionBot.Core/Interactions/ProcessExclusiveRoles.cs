using System.Collections.Concurrent;

namespace PetitionBot.Core.Interactions;

/// <summary>The one-process <see cref="IExclusiveRoles"/>: every role is granted at once (the store's file lock already
/// keeps a second process away).</summary>
public sealed class ProcessExclusiveRoles : IExclusiveRoles
{
    private readonly ConcurrentDictionary<string, int> _held = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Held => _held.Keys.ToList();

    public Task<IExclusiveRole> AcquireAsync(string role, CancellationToken ct = default)
    {
        _held[role] = 1;
        return Task.FromResult<IExclusiveRole>(new Hold(() => _held.TryRemove(role, out _)));
    }

    private sealed class Hold(Func<bool> release) : IExclusiveRole
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
