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
    : IVerificationMailer, IAsyncDisposable
{
    private readonly SmtpConnections _connections = new(time);

    public async Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default)
    {
        var settings = options.Value;
        // A MimeMessage owns finalizable parts (the message, its body and the body's content): disposed here, they
        // are not left to the finalizer thread, which would also keep them alive through a garbage collection.
        using var message = VerificationMessage.Create(settings.From, mail, time.GetUtcNow());
        return settings.UsesSmtp ? await SendSmtpAsync(settings.Smtp, message, ct) : await WritePickupAsync(settings.PickupDirectory, message, ct);
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <summary>Sends on a connection left open by an earlier code when there is one, else on a new connection; the
    /// connection is then kept for the next code (see <see cref="SmtpConnections"/>).</summary>
    private async Task<MailSendResult> SendSmtpAsync(SmtpOptions smtp, MimeMessage message, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(smtp.Timeout);
        if (_connections.TakeIdle() is { } idle)
        {
            try
            {
                await idle.Client.SendAsync(message, limit.Token);
                return await SentAsync(idle.Client, idle.Sent + 1);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // The relay had closed the idle connection before the message went: it goes on a new connection.
                idle.Client.Dispose();
            }
            catch (Exception ex) when (Classify(ex, ct) is (MailFailure, string) failure)
            {
                idle.Client.Dispose();
                return Failed(failure.Kind, failure.Detail);
            }
        }

        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
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
        }
        catch (Exception ex) when (Classify(ex, ct) is (MailFailure, string) failure)
        {
            client.Dispose();
            return Failed(failure.Kind, failure.Detail);
        }

        return await SentAsync(client, 1);
    }

    /// <summary>The message went: the connection is kept for the next code, or closed with QUIT.</summary>
    private async Task<MailSendResult> SentAsync(SmtpClient client, int sent)
    {
        EmailLog.Sent(logger);
        if (!_connections.Keep(client, sent))
        {
            using (client)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or SmtpProtocolException or ServiceNotConnectedException)
                {
                    // The message was accepted; a QUIT that fails changes nothing, and Dispose releases the socket.
                }
            }
        }

        return MailSendResult.Ok();
    }

    /// <summary>What a failed SMTP conversation means for the signer; null for what is not an SMTP failure (it is
    /// thrown on, like a cancellation asked for by the caller).</summary>
    private static (MailFailure Kind, string Detail)? Classify(Exception ex, CancellationToken ct) => ex switch
    {
        SmtpCommandException command => (MailFailure.Refused, ((int)command.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        AuthenticationException => (MailFailure.Refused, "authentication"),
        OperationCanceledException when !ct.IsCancellationRequested => (MailFailure.Unreachable, "time-out"),
        SocketException or IOException or SslHandshakeException or SmtpProtocolException or ServiceNotConnectedException
            or TimeoutException or NotSupportedException => (MailFailure.Unreachable, ex.GetType().Name),
        _ => null,
    };

    private async Task<MailSendResult> WritePickupAsync(string directory, MimeMessage message, CancellationToken ct)
    {
        var path = await PickupFolder.WriteAsync(directory, message, time.GetUtcNow(), ct);
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
