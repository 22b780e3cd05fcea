namespace PetitionBot.Storage.Postgres;

/// <summary>At start, counted-only rows written by earlier versions keep only their UTC date, a keyed hash instead of
/// their server id, and an id that carries the date only (<see cref="CountedOnlyIds"/>; issue 13, item 11). Idempotent:
/// rows already in that form are not selected.</summary>
internal static class CountedOnlyUpgrade
{
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, SecretKeys keys, CancellationToken ct = default)
    {
        var stale = new List<(string Id, int Platform, string WorkspaceId, long SignedAtTicks)>();
        await using (var cmd = dataSource.CreateCommand(
            "SELECT id, platform, workspace_id, signed_at_ticks FROM signatures WHERE full_name IS NULL AND (signed_at_ticks % 864000000000 <> 0 " +
            $"OR workspace_id NOT LIKE 'h:%' OR length(id) <> 32 OR substr(id, 1, 12) <> {CountedOnlyIds.DatePrefixSql})"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                stale.Add((r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3)));
            }
        }

        foreach (var (id, platform, workspaceId, signedAtTicks) in stale)
        {
            var hashed = workspaceId.StartsWith(SecretKeys.CountedOnlyServerPrefix, StringComparison.Ordinal)
                ? workspaceId
                : keys.HashCountedOnlyServer(new ServerRef((PlatformKind)platform, workspaceId).Key);
            await using var update = dataSource.CreateCommand(
                "UPDATE signatures SET signed_at_ticks = signed_at_ticks - signed_at_ticks % 864000000000, workspace_id = @w, id = @new WHERE id = @id AND full_name IS NULL");
            update.Parameters.AddWithValue("w", hashed);
            update.Parameters.AddWithValue("new", CountedOnlyIds.New(CountedOnlyRows.DateOnly(signedAtTicks)));
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync(ct);
        }

        return stale.Count;
    }
}
