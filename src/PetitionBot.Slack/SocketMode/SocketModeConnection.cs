using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.SocketMode;

/// <summary>One Socket Mode WebSocket. Its read loop only parses, acknowledges and enqueues: hello completes
/// <see cref="Hello"/>, disconnect completes <see cref="Ended"/> with the reason (reading goes on until the socket is
/// closed, so nothing sent meanwhile is lost), envelopes are acknowledged at once when their ack carries no answer
/// (<see cref="SocketModeAckPolicy"/>) and go to the bounded queue. Acks are sent on this same socket.</summary>
internal sealed class SocketModeConnection(
    int id,
    ISocketModeTransport transport,
    ChannelWriter<QueuedEnvelope> queue,
    SlackOptions options,
    TimeProvider time,
    ILogger logger,
    CancellationToken serviceStopping = default) : IAsyncDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _readLoop = Task.CompletedTask;
    private int _inFlight;
    private int _disposed;
    private volatile bool _accepting = true;

    public int Id => id;

    /// <summary>Completes with num_connections when hello arrives; faults if the socket ends first.</summary>
    public Task<int> Hello => _hello.Task;

    /// <summary>Completes with the disconnect reason Slack sent, or null when the socket dropped.</summary>
    public Task<string?> Ended => _ended.Task;

    public Task ReadLoop => _readLoop;

    /// <summary>From now on envelopes are read but not taken (nor acknowledged: Slack delivers them again later);
    /// the socket stays open for the acks of the envelopes already taken.</summary>
    public void StopAccepting() => _accepting = false;

    public async Task StartAsync(Uri url, CancellationToken ct = default)
    {
        await transport.ConnectAsync(url, ct).ConfigureAwait(false);
        _readLoop = Task.Run(() => ReadLoopAsync(_stop.Token), CancellationToken.None);
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var text = await transport.ReceiveAsync(ct).ConfigureAwait(false);
                if (text is null)
                {
                    break;
                }

                await DispatchAsync(text, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SlackLog.ConnectionDropped(logger, id);
        }
        finally
        {
            _hello.TrySetException(new IOException("The Slack socket ended before hello."));
            _ended.TrySetResult(null);
        }
    }

    private async Task DispatchAsync(string text, CancellationToken ct)
    {
        SlackEnvelope? envelope = null;
        try
        {
            switch (SocketModeMessages.Read(text))
            {
                case HelloMessage hello:
                    _hello.TrySetResult(hello.NumConnections ?? 1);
                    return;
                case DisconnectMessage disconnect:
                    var reason = disconnect.Reason ?? "unknown";
                    SlackLog.DisconnectRequested(logger, id, reason);
                    _ended.TrySetResult(reason);
                    return;
                case { } message:
                    envelope = SocketModeMessages.ToEnvelope(message, time.GetUtcNow());
                    break;
            }
        }
        catch (JsonException ex)
        {
            SlackLog.UnparseableMessage(logger, ex);
        }

        if (envelope is null)
        {
            return;
        }

        if (!_accepting)
        {
            SlackLog.EnvelopeNotTaken(logger);
            return;
        }

        Interlocked.Increment(ref _inFlight);
        var acked = SocketModeAckPolicy.AcksFirst(envelope);
        var item = new QueuedEnvelope(envelope, this, acked);
        if (acked)
        {
            // Slack's 3-second rule: the ack goes out here, before any handler runs; the work is queued.
            await AckAsync(envelope.Id, null).ConfigureAwait(false);
            SocketModeEnvelopeWorker.RecordAck(envelope, time);
        }
        else
        {
            var ack = new SlackAck(payload =>
            {
                SocketModeEnvelopeWorker.RecordAck(envelope, time);
                return AckAsync(envelope.Id, payload);
            });
            item = item with { Ack = ack, Backstop = StartBackstop(envelope, ack) };
        }

        try
        {
            await queue.WriteAsync(item, ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            item.Backstop?.Dispose();
            // The service stopped between the check above and the write: the envelope was not taken (if it was
            // acknowledged already, its ack settled the in-flight count; Slack will not deliver it again).
            if (!acked)
            {
                Interlocked.Decrement(ref _inFlight);
            }

            SlackLog.EnvelopeNotTaken(logger);
        }
    }

    /// <summary>The empty ack of an envelope its handler has not answered within its budget (see
    /// <see cref="SocketModeAckPolicy.Backstop"/>). Not once the service is stopping: an envelope no worker will take
    /// is left unacknowledged, so Slack delivers it again.</summary>
    private ITimer StartBackstop(SlackEnvelope envelope, SlackAck ack)
    {
        var due = envelope.ReceivedAt + SocketModeAckPolicy.Backstop(envelope, options) - time.GetUtcNow();
        return time.CreateTimer(
            _ =>
            {
                if (!serviceStopping.IsCancellationRequested)
                {
                    _ = ack.SendAsync();
                }
            },
            null,
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>Send <c>{envelope_id, payload?}</c> on this socket. Never throws: a failed ack means Slack redelivers
    /// (and the duplicate is then only acknowledged).</summary>
    public async Task AckAsync(string envelopeId, SlackAckPayload? payload)
    {
        var ack = JsonSerializer.Serialize(new SocketModeAck(envelopeId, payload), SlackJsonContext.Default.SocketModeAck);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3), time);
        var locked = false;
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            locked = true;
            await transport.SendAsync(ack, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SlackLog.AckFailed(logger, envelopeId);
        }
        finally
        {
            if (locked)
            {
                _sendLock.Release();
            }

            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Retire the socket: wait (bounded) until the envelopes it delivered are acknowledged, then close it.</summary>
    public async Task RetireAsync(TimeSpan maxWait)
    {
        var deadline = time.GetUtcNow() + maxWait;
        while (Volatile.Read(ref _inFlight) > 0 && time.GetUtcNow() < deadline && !_readLoop.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time).ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time))
        {
            await transport.CloseAsync(timeout.Token).ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _readLoop.WaitAsync(TimeSpan.FromSeconds(2), time).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await transport.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
