using Microsoft.Extensions.Options;

namespace PetitionBot.Schools;

/// <summary>Loads the directory at start (ValidateOnStart): a bad file or entry stops the bot with exit 2.</summary>
internal sealed class SchoolOptionsValidation : IValidateOptions<SchoolOptions>
{
    public ValidateOptionsResult Validate(string? name, SchoolOptions options)
    {
        var errors = new List<string>();
        SchoolDirectoryLoader.TryLoad(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
