using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Cli;

/// <summary><c>migrate --to postgres</c>: copies the LiteDB file (Storage:Path) into the empty PostgreSQL database
/// (Storage:ConnectionString) with the same secret key, then compares every collection's count and checksum and every
/// campaign's totals. Refuses while the bot holds the file, or when the database already holds data.</summary>
public static class MigrateVerb
{
    public static async Task<int> RunAsync(IConfiguration configuration, string? to, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!string.Equals(to, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync("migrate needs --to postgres (copies the LiteDB file into an empty PostgreSQL database).");
            return PetitionBotApp.ConfigError;
        }

        var options = new StorageOptions();
        configuration.GetSection("Storage").Bind(options);
        options.Provider = StorageProvider.Postgres;
        var validation = new StorageOptionsValidation().Validate(null, options);
        if (validation.Failed)
        {
            await error.WriteLineAsync($"Configuration error: {validation.Failures!.First()}");
            return PetitionBotApp.ConfigError;
        }

        if (!File.Exists(options.Path))
        {
            await error.WriteLineAsync($"There is no LiteDB file at {Path.GetFullPath(options.Path)} (Storage:Path); nothing was copied.");
            return PetitionBotApp.ConfigError;
        }

        using var lite = new LiteDbContext(options);
        await using var pg = new PostgresDatabase(options);
        var import = new PostgresImport(pg);
        if (await import.ExistingRowsAsync(ct) is > 0 and var existing)
        {
            await error.WriteLineAsync($"The PostgreSQL database already holds {existing:N0} rows; migrate copies only into an empty database. Nothing was copied.");
            return 1;
        }

        await import.CopyAsync(c => LiteDbExport.Rows(lite, c.Name), ct);

        var problems = 0;
        foreach (var collection in CopiedCollection.All)
        {
            var source = LiteDbExport.Rows(lite, collection.Name).ToList();
            var copied = await import.ReadBackAsync(collection, ct);
            var (a, b) = (StoreChecksum.Compute(source, collection.Fields, "Id"), StoreChecksum.Compute(copied, collection.Fields, "Id"));
            var same = source.Count == copied.Count && a == b;
            problems += same ? 0 : 1;
            await output.WriteLineAsync($"{collection.Name,-14} {source.Count,10:N0} -> {copied.Count,10:N0}  sha256 {a[..16]} {(same ? "=" : "!=")} {b[..16]}");
        }

        var now = DateTimeOffset.UtcNow;
        var liteSignatures = new LiteDbSignatureStore(lite);
        var pgSignatures = new PostgresSignatureStore(pg);
        foreach (var campaign in LiteDbExport.Rows(lite, "signatures").Select(r => (string)r["CampaignId"]!).Distinct(StringComparer.Ordinal))
        {
            var (x, y) = (await liteSignatures.GetStatsAsync(campaign, now, ct), await pgSignatures.GetStatsAsync(campaign, now, ct));
            var same = Summary(x) == Summary(y);
            problems += same ? 0 : 1;
            await output.WriteLineAsync($"totals {campaign}: {x.Total:N0} -> {y.Total:N0} {(same ? "(every breakdown equal)" : "(BREAKDOWNS DIFFER)")}");
        }

        if (problems > 0)
        {
            await error.WriteLineAsync($"{problems} check(s) differ: do not switch to PostgreSQL; the LiteDB file is unchanged.");
            return 1;
        }

        await output.WriteLineAsync("Copied; every count and checksum matches. Set Storage:Provider=Postgres (same Storage:SecretKey or KeyPath) and start the bot.");
        return 0;
    }

    private static string Summary(CampaignStats s)
    {
        static string Rows(IEnumerable<CountBy> rows) => string.Join(",", rows.Select(r => r.Key + "=" + r.Count).Order(StringComparer.Ordinal));
        return $"{s.Total}|{s.Named}|{Rows(s.BySchool)}|{Rows(s.ByStage)}|{Rows(s.ByPlatform)}|{Rows(s.ByDay)}|{s.Last24Hours}|{s.Last7Days}" +
               $"|{Rows(s.ByVerification)}|{Rows(s.BySchoolVerification)}";
    }
}
