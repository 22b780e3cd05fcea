namespace PetitionBot.Storage.Postgres;

/// <summary>At start, counted-only rows written by earlier versions keep only their UTC date and a keyed hash instead of
/// their server id (issue 13, item 11). Idempotent: rows already in that form are not selected.</summary>
internal static class CountedOnlyUpgrade
{
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, SecretKeys keys, CancellationToken ct = default)
    {
        var stale = new List<(string Id, int Platform, string WorkspaceId)>();
        await using (var cmd = dataSource.CreateCommand(
            "SELECT id, platform, workspace_id FROM signatures WHERE full_name IS NULL AND (signed_at_ticks % 864000000000 <> 0 OR workspace_id NOT LIKE 'h:%')"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                stale.Add((r.GetString(0), r.GetInt32(1), r.GetString(2)));
            }
        }

        foreach (var (id, platform, workspaceId) in stale)
        {
            var hashed = workspaceId.StartsWith(SecretKeys.CountedOnlyServerPrefix, StringComparison.Ordinal)
                ? workspaceId
                : keys.HashCountedOnlyServer(new ServerRef((PlatformKind)platform, workspaceId).Key);
            await using var update = dataSource.CreateCommand(
                "UPDATE signatures SET signed_at_ticks = signed_at_ticks - signed_at_ticks % 864000000000, workspace_id = @w WHERE id = @id AND full_name IS NULL");
            update.Parameters.AddWithValue("w", hashed);
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync(ct);
        }

        return stale.Count;
    }
}
