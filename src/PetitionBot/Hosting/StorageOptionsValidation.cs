using Microsoft.Extensions.Options;
using PetitionBot.Storage.LiteDb;

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
