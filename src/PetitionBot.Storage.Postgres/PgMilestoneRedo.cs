using Npgsql;
using PetitionBot.Core.Announcements;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.Postgres;

/// <summary>A signature whose counts reach a milestone (pb_sign aborted with PBM01, or this process expects it to) is
/// signed in a transaction that also writes the milestones' announcements, worded and addressed by the core. Two round
/// trips: the first begins the transaction, signs and reads what the words (the total, the schools' counts) and the
/// addresses (the servers with an announcement channel) need, as the transaction sees them; the second writes each
/// crossed milestone with its deliveries (one statement each) and commits.</summary>
internal static class PgMilestoneRedo
{
    public static async Task<(bool Added, int Total, int School)> SignAsync(NpgsqlConnection conn, NpgsqlBatchCommand sign, StoredSignature s,
        MilestonePlan plan, DateTimeOffset at, List<Announcement> made, CancellationToken ct)
    {
        // The transaction's BEGIN rides with the first batch; its COMMIT ends the second, so the transaction costs no
        // round trip of its own. On any failure in between, disposing the transaction rolls it back.
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (added, total, school) = (false, 0, 0);
        var stats = CampaignStats.Empty(s.CampaignId);
        var servers = new List<ServerSettings>();
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            batch.BatchCommands.Add(sign);
            if (plan.Definition is not null)
            {
                // Without the campaign the words are composed at the first delivery: nothing to read for them here.
                PgAggregates.AddAnnouncementStats(batch, s.CampaignId);
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {PostgresServerStore.Columns} FROM servers WHERE announcement_channel_id IS NOT NULL"));
            await using var r = await batch.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                (added, total, school) = (r.GetBoolean(0), r.GetInt32(1), r.GetInt32(2));
            }

            await r.NextResultAsync(ct);
            if (plan.Definition is not null)
            {
                stats = await PgAggregates.ReadAnnouncementStatsAsync(r, s.CampaignId, ct);
                await r.NextResultAsync(ct);
            }

            while (await r.ReadAsync(ct))
            {
                servers.Add(PostgresServerStore.Read(r));
            }
        }

        var written = new List<Announcement>();
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            if (added)
            {
                foreach (var milestone in MilestoneCrossing.CrossedByOne(plan, s.CampaignId, s.SchoolKey, total, school))
                {
                    var announcement = MilestoneAnnouncements.Create(RandomIds.New(), s.CampaignId, milestone, at, plan.Definition, stats);
                    batch.BatchCommands.Add(PgMilestones.Insert(announcement, milestone.UniqueKey, AnnouncementTargets.Select(servers, s.CampaignId, milestone.SchoolKey)));
                    written.Add(announcement);
                }
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using var r = await batch.ExecuteReaderAsync(ct);
            foreach (var announcement in written)
            {
                // A row: written; none: its unique key existed (another signature announced it first).
                if (await r.ReadAsync(ct))
                {
                    made.Add(announcement);
                }

                await r.NextResultAsync(ct);
            }
        }

        return (added, total, school);
    }
}
