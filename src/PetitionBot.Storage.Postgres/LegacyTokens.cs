namespace PetitionBot.Storage.Postgres;

/// <summary>Re-encrypts, at start, workspace tokens sealed by earlier versions under the shared payload key, so every
/// token is under the tokens' own key. Idempotent: a token already under its own key is left alone.</summary>
internal static class LegacyTokens
{
    public static async Task<int> ReencryptAsync(NpgsqlDataSource dataSource, SecretKeys keys, CancellationToken ct = default)
    {
        var stale = new List<(string Id, byte[] Cipher, string Token)>();
        await using (var cmd = dataSource.CreateCommand("SELECT id, token_cipher FROM installations"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var cipher = r.GetFieldValue<byte[]>(1);
                var token = keys.DecryptToken(cipher, out var legacy);
                if (legacy)
                {
                    stale.Add((r.GetString(0), cipher, token));
                }
            }
        }

        foreach (var (id, cipher, token) in stale)
        {
            await using var update = dataSource.CreateCommand("UPDATE installations SET token_cipher = @new WHERE id = @id AND token_cipher = @old");
            update.Parameters.AddWithValue("new", keys.EncryptToken(token));
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("old", cipher);
            await update.ExecuteNonQueryAsync(ct);
        }

        return stale.Count;
    }
}
