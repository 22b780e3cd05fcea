using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PetitionBot.Email;

/// <summary>Checks the <c>Email</c> section at start, one sentence per bad key.</summary>
internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        var smtp = options.Smtp;
        if (!string.IsNullOrWhiteSpace(options.From) && !MailboxAddress.TryParse(options.From, out _))
        {
            errors.Add("Email:From must be a mail address such as petitions@example.org");
        }

        if (options.UsesSmtp)
        {
            if (string.IsNullOrWhiteSpace(options.From))
            {
                errors.Add("Email:From must be set when Email:Smtp:Host is");
            }

            if (Uri.CheckHostName(smtp.Host!.Trim()) == UriHostNameType.Unknown)
            {
                errors.Add("Email:Smtp:Host must be a host name or IP address");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add("Email:Smtp:Port must be between 1 and 65535");
            }

            if (!Enum.IsDefined(smtp.Security))
            {
                errors.Add("Email:Smtp:Security must be StartTls, SslOnConnect or None");
            }

            if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add("Email:Smtp:Username and Email:Smtp:Password must be set together");
            }

            if (smtp.TrustedCertificateThumbprint is { Length: > 0 } print && !IsSha256Hex(Normalize(print)))
            {
                errors.Add("Email:Smtp:TrustedCertificateThumbprint must be the certificate's SHA-256 fingerprint in hex (64 digits)");
            }

            if (smtp.Timeout <= TimeSpan.Zero || smtp.Timeout > TimeSpan.FromMinutes(2))
            {
                errors.Add("Email:Smtp:Timeout must be more than 0 and at most 00:02:00");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            errors.Add("Email:PickupDirectory must name a folder when Email:Smtp:Host is not set");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Fingerprints are often written with colons or spaces between the bytes.</summary>
    internal static string Normalize(string thumbprint) =>
        string.Concat(thumbprint.Where(c => c is not (':' or ' ' or '-'))).ToUpper(CultureInfo.InvariantCulture);

    private static bool IsSha256Hex(string hex) => hex.Length == 64 && hex.All(Uri.IsHexDigit);
}
