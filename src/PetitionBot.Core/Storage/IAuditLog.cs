using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>How many entries of <paramref name="action"/> for this workspace since <paramref name="since"/>.</summary>
    Task<int> CountSinceAsync(string action, WorkspaceRef workspace, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>When each entry of <paramref name="action"/> for this workspace since <paramref name="since"/> was made,
    /// oldest first (the throttle says when the next update is allowed).</summary>
    Task<IReadOnlyList<DateTimeOffset>> TimesSinceAsync(string action, WorkspaceRef workspace, DateTimeOffset since, CancellationToken ct = default);

    Task<IReadOnlyList<AuditEntry>> RecentAsync(int max, CancellationToken ct = default);
}
