using Microsoft.Extensions.Options;
using MimeKit;

namespace PetitionBot.Email;

/// <summary>Checks <c>Email:*</c> at start; each failure names its key.</summary>
internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            problems.Add("Email:From must be a mail address, e.g. \"PetitionBot <petition@example.org>\".");
        }

        if (options.UsesSmtp && options.Smtp.Port is < 1 or > 65535)
        {
            problems.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (options.UsesSmtp && !Enum.IsDefined(options.Smtp.Security))
        {
            problems.Add("Email:Smtp:Security must be StartTls, SslOnConnect or None.");
        }

        if (!string.IsNullOrEmpty(options.Smtp.Username) && string.IsNullOrEmpty(options.Smtp.Password))
        {
            problems.Add("Email:Smtp:Password is required with Email:Smtp:Username.");
        }

        if (options.Smtp.Timeout <= TimeSpan.Zero || options.Smtp.Timeout > TimeSpan.FromMinutes(1))
        {
            problems.Add("Email:Smtp:Timeout must be between 00:00:01 and 00:01:00.");
        }

        if (!options.UsesSmtp && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            problems.Add("Email:PickupDirectory must name a folder when Email:Smtp:Host is not set.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
