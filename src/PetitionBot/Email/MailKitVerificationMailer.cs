using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PetitionBot.Core.Email;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Telemetry;

namespace PetitionBot.Email;

/// <summary>Sends verification codes over SMTP with MailKit, or, with no <c>Email:Smtp:Host</c>, writes each message as an
/// owner-only <c>.eml</c> file to <c>Email:PickupDirectory</c> (the embedded default: the whole flow works with no mail
/// server). A failure is a result, logged without the address and counted (<c>petitionbot_mail_failures_total</c>).</summary>
internal sealed class MailKitVerificationMailer(IOptions<EmailOptions> options, TimeProvider time, ILogger<MailKitVerificationMailer> logger)
    : IVerificationMailer
{
    public async Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default)
    {
        var settings = options.Value;
        var message = VerificationMessage.Create(settings.From, mail, time.GetUtcNow());
        return settings.UsesSmtp ? await SendSmtpAsync(settings.Smtp, message, ct) : await WritePickupAsync(settings.PickupDirectory, message, ct);
    }

    private async Task<MailSendResult> SendSmtpAsync(SmtpOptions smtp, MimeMessage message, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(smtp.TrustedCertificateThumbprint))
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || Matches(certificate, smtp.TrustedCertificateThumbprint);
        }

        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Socket(smtp.Security), limit.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", limit.Token);
            }

            await client.SendAsync(message, limit.Token);
            await client.DisconnectAsync(quit: true, limit.Token);
            EmailLog.Sent(logger);
            return MailSendResult.Ok();
        }
        catch (SmtpCommandException ex)
        {
            return Failed(MailFailure.Refused, ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (AuthenticationException)
        {
            return Failed(MailFailure.Refused, "authentication");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(MailFailure.Unreachable, "time-out");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SslHandshakeException or SmtpProtocolException
                                       or ServiceNotConnectedException or TimeoutException or NotSupportedException)
        {
            return Failed(MailFailure.Unreachable, ex.GetType().Name);
        }
    }

    private async Task<MailSendResult> WritePickupAsync(string directory, MimeMessage message, CancellationToken ct)
    {
        var folder = Path.GetFullPath(directory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}.eml";
        var path = Path.Combine(folder, name);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, fileOptions))
        {
            await message.WriteToAsync(stream, ct);
        }

        EmailLog.PickedUp(logger);
        return MailSendResult.Ok(path);
    }

    private MailSendResult Failed(MailFailure failure, string detail)
    {
        if (failure == MailFailure.Refused)
        {
            EmailLog.Refused(logger, detail);
        }
        else
        {
            EmailLog.Unreachable(logger, detail);
        }

        BotMetrics.MailFailures.Add(1, new KeyValuePair<string, object?>("reason", failure == MailFailure.Refused ? "refused" : "unreachable"));
        return new MailSendResult(false, failure);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool Matches(X509Certificate? certificate, string thumbprint)
    {
        if (certificate is null)
        {
            return false;
        }

        var wanted = thumbprint.Replace(":", "", StringComparison.Ordinal).Trim();
        return string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(certificate.GetCertHashString(), wanted, StringComparison.OrdinalIgnoreCase);
    }
}
