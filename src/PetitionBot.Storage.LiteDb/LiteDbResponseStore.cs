using LiteDB;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Responses in the "responses" collection; each is saved with its announcement and deliveries at once, so it is
/// announced exactly once (the announcement's unique key is the response's id).</summary>
public sealed class LiteDbResponseStore(LiteDbContext db, IOutboxSignal? signal = null) : IResponseStore
{
    private ILiteCollection<ResponseDoc> Responses => db.Database.GetCollection<ResponseDoc>("responses");

    public async Task<int?> AddAsync(RecipientResponse response, Announcement announcement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(announcement);
        ct.ThrowIfCancellationRequested();
        var channels = await db.WriteAsync<int?>(() =>
        {
            var key = $"{response.CampaignId}|r|{response.Id}";
            if (db.Announcements.Exists(a => a.UniqueKey == key))
            {
                return null;
            }

            Responses.Insert(new ResponseDoc
            {
                Id = response.Id,
                CampaignId = response.CampaignId,
                Recipient = response.Recipient,
                RespondedOnDayNumber = response.RespondedOn.DayNumber,
                Text = response.Text,
                Link = response.Link,
                RecordedAtTicks = response.RecordedAt.UtcTicks,
            });
            var targets = OutboxWriter.Targets(db, response.CampaignId, schoolKey: null);
            OutboxWriter.Insert(db, announcement, key, targets);
            return targets.Count;
        });
        if (channels > 0)
        {
            signal?.Raise();
        }

        return channels;
    }

    public Task<IReadOnlyList<RecipientResponse>> ListAsync(string campaignId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<RecipientResponse> list = Responses.Find(r => r.CampaignId == campaignId)
            .Select(r => new RecipientResponse(r.Id, r.CampaignId, r.Recipient, DateOnly.FromDayNumber(r.RespondedOnDayNumber), r.Text, r.Link,
                new DateTimeOffset(r.RecordedAtTicks, TimeSpan.Zero)))
            .OrderByDescending(r => r.RespondedOn)
            .ThenByDescending(r => r.RecordedAt)
            .ToList();
        return Task.FromResult(list);
    }
}
