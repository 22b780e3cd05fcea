namespace PetitionBot.Storage.Postgres;

/// <summary>Server settings this process read in the last <see cref="PostgresServerStore.CacheLifetime"/>: every
/// interaction reads its server's settings, and they change only when an admin runs /setup (or the bot joins, leaves,
/// or loses its announcement channel). A save by this process drops its entry, so this process sees its own writes at
/// once; another process's save is seen here once the entry is older than the lifetime. A read that raced a save of
/// this process is not kept (it may hold the value from before the save).</summary>
internal sealed class RecentServers(TimeProvider time)
{
    private readonly Dictionary<string, (ServerSettings? Settings, long ReadAt)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _saves;

    public bool TryGet(string key, TimeSpan lifetime, out ServerSettings? settings)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.ReadAt) < lifetime)
            {
                settings = entry.Settings;
                return true;
            }
        }

        settings = null;
        return false;
    }

    public long Stamp() => time.GetTimestamp();

    /// <summary>Taken before a database read; <see cref="Keep"/> keeps the read only if no save came in between.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _saves;
            }
        }
    }

    public void Keep(string key, ServerSettings? settings, long readAtVersion, long readAt)
    {
        lock (_gate)
        {
            if (_saves == readAtVersion)
            {
                if (_entries.Count >= 10_000)
                {
                    _entries.Clear();
                }

                _entries[key] = (settings, readAt);
            }
        }
    }

    /// <summary>After a save of this process: reads started before it are not kept, and its entry is dropped.</summary>
    public void Saved(string key)
    {
        lock (_gate)
        {
            _saves++;
            _entries.Remove(key);
        }
    }
}
