using Microsoft.Extensions.Options;

namespace PetitionBot.Hosting;

internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("Storage:Path must name the database file");
        }

        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                errors.Add("Storage:ConnectionString is required when Storage:Provider is Postgres (e.g. Host=db;Database=petitionbot;Username=petitionbot;Password=...)");
            }
            else if (!PetitionBot.Storage.Postgres.PostgresDatabase.IsValidConnectionString(options.ConnectionString))
            {
                errors.Add("Storage:ConnectionString is not a valid PostgreSQL connection string");
            }

            if (string.IsNullOrWhiteSpace(options.SecretKey) && string.IsNullOrWhiteSpace(options.KeyPath))
            {
                errors.Add("Storage:SecretKey (or Storage:KeyPath) is required when Storage:Provider is Postgres: every bot process must hash and encrypt with the same key");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.SecretKey))
        {
            var bytes = new byte[64];
            if (!Convert.TryFromBase64String(options.SecretKey, bytes, out var length) || length < 32)
            {
                errors.Add("Storage:SecretKey must be base64 of at least 32 random bytes");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
