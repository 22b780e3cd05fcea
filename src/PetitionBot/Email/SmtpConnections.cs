using System.Collections.Concurrent;
using MailKit.Net.Smtp;

namespace PetitionBot.Email;

/// <summary>SMTP connections kept open between codes, so a burst of codes is a few conversations of many messages
/// rather than a connect, greeting and QUIT each (a relay accepts several messages per connection). A connection idle
/// longer than <see cref="IdleLimit"/>, or past <see cref="MessagesPerConnection"/>, is closed instead of reused: relays
/// drop idle clients and cap messages per connection.</summary>
internal sealed class SmtpConnections(TimeProvider time) : IAsyncDisposable
{
    /// <summary>At most this many idle connections are kept (the queued mailer sends at most as many at once).</summary>
    public const int MaxIdle = QueuedVerificationMailer.MaxConcurrentSends;

    public const int MessagesPerConnection = 100;

    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(20);

    private readonly ConcurrentStack<SmtpConnection> _idle = new();

    /// <summary>An open connection that was idle for less than <see cref="IdleLimit"/>, or null: the caller connects.</summary>
    public SmtpConnection? TakeIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            if (connection.Client.IsConnected && time.GetElapsedTime(connection.ReturnedAt) < IdleLimit)
            {
                return connection;
            }

            // The relay has most likely closed it already; nothing to say to it.
            connection.Client.Dispose();
        }

        return null;
    }

    /// <summary>Keeps <paramref name="client"/>, which has just sent its message number <paramref name="sent"/>, for the
    /// next code; false when it should be closed (too many messages on it, or enough idle ones kept).</summary>
    public bool Keep(SmtpClient client, int sent)
    {
        if (!client.IsConnected || sent >= MessagesPerConnection || _idle.Count >= MaxIdle)
        {
            return false;
        }

        _idle.Push(new SmtpConnection(client, sent, time.GetTimestamp()));
        return true;
    }

    /// <summary>Says QUIT on every idle connection (the bot is stopping).</summary>
    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var connection))
        {
            using var client = connection.Client;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await client.DisconnectAsync(quit: true, limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpProtocolException)
            {
                // The relay had closed it: the socket is released by Dispose all the same.
            }
        }
    }
}
