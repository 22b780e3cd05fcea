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

/// <summary>Sends verification codes over SMTP with MailKit (one connection per message, bounded by
/// <see cref="SmtpOptions.Timeout"/>), or with no SMTP host writes each message to the pickup folder as an
/// <c>.eml</c> file. A mail failure is a result, logged without the address and counted
/// (<c>petitionbot_mail_sends_total{outcome}</c>); only the caller's cancellation throws.</summary>
internal sealed class VerificationMailer(IOptions<EmailOptions> options, TimeProvider time, ILogger<VerificationMailer> logger)
    : IVerificationMailer
{
    private readonly EmailOptions _options = options.Value;

    public async Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default)
    {
        MimeMessage message;
        try
        {
            message = VerificationMessage.Build(mail, _options.From, time.GetUtcNow());
        }
        catch (ParseException)
        {
            // The flow validates addresses first; a malformed one is refused like a server refusal, never sent.
            return Fail(MailFailure.Refused, "address not parseable");
        }

        return _options.UsesSmtp ? await SendSmtpAsync(message, ct) : await WritePickupAsync(message, ct);
    }

    private async Task<MailSendResult> SendSmtpAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = _options.Smtp;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(smtp.TrustedCertificateThumbprint))
        {
            client.ServerCertificateValidationCallback = TrustPinned;
        }

        try
        {
            await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, SocketOptions(smtp.Security), timeout.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            BotMetrics.MailSends.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));
            MailLog.Sent(logger);
            return MailSendResult.Ok();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (SmtpCommandException ex)
        {
            return Fail(MailFailure.Refused, $"SMTP {(int)ex.StatusCode} on {ex.ErrorCode}");
        }
        catch (AuthenticationException)
        {
            return Fail(MailFailure.Refused, "authentication refused");
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            return Fail(MailFailure.Unreachable, "timed out");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SslHandshakeException or SmtpProtocolException
                                       or ServiceNotConnectedException or NotSupportedException)
        {
            return Fail(MailFailure.Unreachable, ex.GetType().Name);
        }
    }

    private async Task<MailSendResult> WritePickupAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            var folder = Path.GetFullPath(_options.PickupDirectory);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.eml";
            var path = Path.Combine(folder, name);
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(path, file))
            {
                await message.WriteToAsync(stream, ct);
            }

            BotMetrics.MailSends.Add(1, new KeyValuePair<string, object?>("outcome", "pickup"));
            MailLog.WrittenToPickup(logger);
            return MailSendResult.Ok(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(MailFailure.Unreachable, "pickup folder not writable");
        }
    }

    private MailSendResult Fail(MailFailure failure, string reason)
    {
        BotMetrics.MailSends.Add(1, new KeyValuePair<string, object?>("outcome", failure == MailFailure.Refused ? "refused" : "unreachable"));
        MailLog.SendFailed(logger, failure, reason);
        return new MailSendResult(false, failure);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>A certificate the platform trusts passes; otherwise only the one whose SHA-256 fingerprint is configured.</summary>
    private bool TrustPinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        var pinned = EmailOptionsValidation.Normalize(_options.Smtp.TrustedCertificateThumbprint!);
        var actual = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(actual.ToUpperInvariant()), System.Text.Encoding.ASCII.GetBytes(pinned));
    }
}
