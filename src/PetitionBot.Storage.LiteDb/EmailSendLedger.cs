using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>The code sends of the last hour by subject (keyed hashes), as <c>email_sends</c> holds them: read once, then
/// kept in step by each send, so counting a person's or an address's sends is a lookup instead of two queries. Used only
/// under the write gate; this process is the file's only writer (lock file), so the copy stays exact, and a rolled-back
/// transaction drops it (it is read again at the next send).</summary>
internal sealed class EmailSendLedger
{
    /// <summary>How often the documents older than the window are deleted from the file (at a send, as before: a quiet
    /// bot deletes nothing; a busy one at most once a minute instead of at every send).</summary>
    public static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);

    private Dictionary<string, List<long>>? _sends;
    private long? _purgedAtTicks;

    public void Forget()
    {
        _sends = null;
        _purgedAtTicks = null;
    }

    /// <summary>Deletes the sends at or before <paramref name="sinceTicks"/> from the file when a minute has passed
    /// since the last purge, and from this copy.</summary>
    public void PurgeIfDue(LiteDbContext db, long sinceTicks, long nowTicks)
    {
        var sends = Load(db);
        if (_purgedAtTicks is { } purged && nowTicks - purged < PurgeEvery.Ticks)
        {
            return;
        }

        db.EmailSends.DeleteMany(LiteDB.Query.LTE(nameof(EmailSendDoc.AtTicks), sinceTicks));
        foreach (var subject in sends.Keys.ToList())
        {
            var ticks = sends[subject];
            ticks.RemoveAll(t => t <= sinceTicks);
            if (ticks.Count == 0)
            {
                sends.Remove(subject);
            }
        }

        _purgedAtTicks = nowTicks;
    }

    /// <summary>Sends to or by <paramref name="subject"/> after <paramref name="sinceTicks"/>.</summary>
    public int Count(LiteDbContext db, string subject, long sinceTicks) =>
        Load(db).TryGetValue(subject, out var ticks) ? ticks.Count(t => t > sinceTicks) : 0;

    /// <summary>Writes one send and counts it.</summary>
    public void Add(LiteDbContext db, string subject, long atTicks)
    {
        db.EmailSends.Insert(new EmailSendDoc { Subject = subject, AtTicks = atTicks });
        var sends = Load(db);
        if (!sends.TryGetValue(subject, out var ticks))
        {
            sends[subject] = ticks = [];
        }

        ticks.Add(atTicks);
    }

    /// <summary>Deletes one send of <paramref name="subject"/> in [<paramref name="fromTicks"/>, <paramref name="toTicks"/>)
    /// and uncounts it; nothing when there is none.</summary>
    public void Remove(LiteDbContext db, string subject, long fromTicks, long toTicks)
    {
        if (!Load(db).TryGetValue(subject, out var ticks) || ticks.FindIndex(t => t >= fromTicks && t < toTicks) is not (>= 0 and var index))
        {
            return;
        }

        var at = ticks[index];
        ticks.RemoveAt(index);
        if (db.EmailSends.FindOne(LiteDB.Query.And(LiteDB.Query.EQ(nameof(EmailSendDoc.AtTicks), at), LiteDB.Query.EQ(nameof(EmailSendDoc.Subject), subject))) is { } doc)
        {
            db.EmailSends.Delete(doc.Id);
        }
    }

    private Dictionary<string, List<long>> Load(LiteDbContext db)
    {
        if (_sends is not null)
        {
            return _sends;
        }

        var sends = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var doc in db.EmailSends.FindAll())
        {
            if (!sends.TryGetValue(doc.Subject, out var ticks))
            {
                sends[doc.Subject] = ticks = [];
            }

            ticks.Add(doc.AtTicks);
        }

        return _sends = sends;
    }
}
