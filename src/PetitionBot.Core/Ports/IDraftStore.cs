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

    /// <summary>A keyed MAC (16 base64url characters, the key outside the store) of <paramref name="state"/> for
    /// <paramref name="ownerKey"/>: flows carry small choices in button tokens with it instead of saving a draft. The same on
    /// every process sharing the secret key, so the next step may land on another process or after a restart.</summary>
    string MacToken(string ownerKey, string state);
}
