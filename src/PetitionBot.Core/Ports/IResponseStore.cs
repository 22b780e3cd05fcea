namespace PetitionBot.Core.Ports;

/// <summary>The recipients' responses, each recorded with its announcement to every announcement channel.</summary>
public interface IResponseStore
{
    /// <summary>Saves the response, its announcement and one pending delivery per announcement channel in one
    /// transaction. Returns how many channels it will be posted to, or null when a response with this id was already
    /// recorded (then nothing changes).</summary>
    Task<int?> AddAsync(RecipientResponse response, Announcement announcement, CancellationToken ct = default);

    /// <summary>A campaign's responses, latest response date first.</summary>
    Task<IReadOnlyList<RecipientResponse>> ListAsync(string campaignId, CancellationToken ct = default);
}
