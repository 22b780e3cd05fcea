using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PetitionBot.Storage.Postgres;

/// <summary>Roles held as PostgreSQL session advisory locks, each on its own unpooled connection: the lock lives exactly
/// as long as that session, so when its process dies (even SIGKILL) the server drops it and a waiting process takes it
/// at its next try (every <see cref="RetryInterval"/>). A holder checks its session every <see cref="CheckInterval"/>;
/// when the session fails it takes the lock again, and reports the role lost only if another process got it first.</summary>
public sealed partial class PostgresExclusiveRoles(PostgresDatabase db, ILogger<PostgresExclusiveRoles> logger) : IExclusiveRoles
{
    private readonly PostgresDatabase _db = db;

    public static TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    public static TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, int> _held = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Held => _held.Keys.ToList();

    public async Task<IExclusiveRole> AcquireAsync(string role, CancellationToken ct = default)
    {
        var key = LockKey(role);
        var waiting = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            NpgsqlConnection? conn = null;
            try
            {
                await _db.EnsureReadyAsync(ct);
                conn = new NpgsqlConnection(_db.UnpooledConnectionString);
                await conn.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", conn);
                cmd.Parameters.AddWithValue("k", key);
                if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
                {
                    _held[role] = 1;
                    LogAcquired(logger, role);
                    return new Hold(this, role, conn, logger);
                }

                if (!waiting)
                {
                    LogWaiting(logger, role);
                    waiting = true;
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogUnreachable(logger, role, ex.GetType().Name);
            }

            if (conn is not null)
            {
                await conn.DisposeAsync();
            }

            await Task.Delay(RetryInterval, ct);
        }
    }

    /// <summary>A stable 64-bit lock key per role name.</summary>
    public static long LockKey(string role) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("petitionbot role " + role)), 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "This process now holds {Role}")]
    private static partial void LogAcquired(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process holds {Role}; standing by to take over")]
    private static partial void LogWaiting(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach PostgreSQL for {Role} ({Error}); retrying")]
    private static partial void LogUnreachable(ILogger logger, string role, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost {Role} ({Error})")]
    private static partial void LogLost(ILogger logger, string role, string error);

    private sealed class Hold : IExclusiveRole
    {
        private readonly PostgresExclusiveRoles _owner;
        private readonly string _role;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watch;
        private NpgsqlConnection _conn;

        public Hold(PostgresExclusiveRoles owner, string role, NpgsqlConnection conn, ILogger logger)
        {
            _owner = owner;
            _role = role;
            _conn = conn;
            _logger = logger;
            _watch = WatchAsync();
        }

        public CancellationToken Lost => _lost.Token;

        public async ValueTask DisposeAsync()
        {
            _owner._held.TryRemove(_role, out _);
            await _stop.CancelAsync();
            await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _conn.DisposeAsync(); // closing the session releases the advisory lock
            _lost.Dispose();
            _stop.Dispose();
        }

        /// <summary>Checks the lock's session; when it fails, takes the lock again on a fresh session. While the server
        /// cannot be reached nobody else can take it either, so the role is kept; it is lost only when the server
        /// answers and another process holds it.</summary>
        private async Task WatchAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(CheckInterval, _stop.Token);
                    if (await PingAsync())
                    {
                        continue;
                    }

                    await _conn.DisposeAsync();
                    if (!await RetakeAsync())
                    {
                        LogLost(_logger, _role, "another process holds it");
                        _owner._held.TryRemove(_role, out _);
                        await _lost.CancelAsync();
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Given up by its holder.
            }
        }

        private async Task<bool> PingAsync()
        {
            try
            {
                await using var cmd = new NpgsqlCommand("SELECT 1", _conn);
                await cmd.ExecuteScalarAsync(_stop.Token);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogUnreachable(_logger, _role, ex.GetType().Name);
                return false;
            }
        }

        private async Task<bool> RetakeAsync()
        {
            while (true)
            {
                await Task.Delay(RetryInterval, _stop.Token);
                var fresh = new NpgsqlConnection(_owner._db.UnpooledConnectionString);
                try
                {
                    await fresh.OpenAsync(_stop.Token);
                    await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", fresh);
                    cmd.Parameters.AddWithValue("k", LockKey(_role));
                    if ((bool)(await cmd.ExecuteScalarAsync(_stop.Token))!)
                    {
                        _conn = fresh;
                        return true;
                    }

                    await fresh.DisposeAsync();
                    return false;
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    LogUnreachable(_logger, _role, ex.GetType().Name);
                    await fresh.DisposeAsync();
                }
            }
        }
    }
}
