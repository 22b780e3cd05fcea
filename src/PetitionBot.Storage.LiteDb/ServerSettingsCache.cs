using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Server settings as last read, so the lookup every interaction makes is not a LiteDB query each time. Exact,
/// because this process is the file's only writer (lock file) and every write of the servers collection tells the cache
/// (<see cref="Changed"/>, <see cref="Clear"/>). A read that raced a write is not kept: the version it started from is
/// compared, under the same lock a write takes, before it is stored.</summary>
internal sealed class ServerSettingsCache
{
    private readonly Dictionary<string, ServerSettings?> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IReadOnlyList<ServerSettings>? _withChannels;
    private long _version;

    public ServerSettings? Get(string key, Func<ServerSettings?> read)
    {
        long version;
        lock (_gate)
        {
            if (_known.TryGetValue(key, out var cached))
            {
                return cached;
            }

            version = _version;
        }

        var settings = read();
        lock (_gate)
        {
            if (_version == version)
            {
                _known[key] = settings;
            }
        }

        return settings;
    }

    /// <summary>Every server with an announcement channel (the targets of an announcement), read once until a write.</summary>
    public IReadOnlyList<ServerSettings> WithChannels(Func<IReadOnlyList<ServerSettings>> read)
    {
        long version;
        lock (_gate)
        {
            if (_withChannels is { } cached)
            {
                return cached;
            }

            version = _version;
        }

        var servers = read();
        lock (_gate)
        {
            if (_version == version)
            {
                _withChannels = servers;
            }
        }

        return servers;
    }

    /// <summary>After a write of one server's settings (committed or not).</summary>
    public void Changed(string key)
    {
        lock (_gate)
        {
            _version++;
            _known.Remove(key);
            _withChannels = null;
        }
    }

    /// <summary>After a write that may have changed any server's settings.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _version++;
            _known.Clear();
            _withChannels = null;
        }
    }
}
