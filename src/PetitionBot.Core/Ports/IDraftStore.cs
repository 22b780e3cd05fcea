using PetitionBot.Core.Storage;
namespace PetitionBot.Core.Ports;

/// <summary>Short-lived flow state.</summary>
public interface IDraftStore
{
    Task SaveAsync(FlowDraft draft, CancellationToken ct = default);

    /// <summary>The draft when it exists and belongs to <paramref name="ownerKey"/>; otherwise null
    /// (a forged or foreign id reveals nothing).</summary>
    Task<FlowDraft?> FindAsync(string id, string ownerKey, CancellationToken ct = default);

    Task DeleteAsync(string id, CancellationToken ct = default);

    /// <summary>Deletes every draft of this owner (for /mydata delete).</summary>
    Task<int> DeleteAllAsync(string ownerKey, CancellationToken ct = default);

    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default);
}
