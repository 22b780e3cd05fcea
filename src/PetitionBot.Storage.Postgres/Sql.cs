namespace PetitionBot.Storage.Postgres;

/// <summary>Small helpers for one-statement commands.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    public static async Task<int> ExecAsync(PostgresDatabase db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = Command(conn, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> QueryAsync<T>(PostgresDatabase db, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = Command(conn, sql, parameters);
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(read(reader));
        }

        return list;
    }

    public static string? NullableString(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A text parameter that may be null (typed, so a null still has a type PostgreSQL can use).</summary>
    public static void AddNullableText(this NpgsqlParameterCollection p, string name, string? value) =>
        p.AddWithValue(name, NpgsqlTypes.NpgsqlDbType.Text, (object?)value ?? DBNull.Value);
}
