using System.Collections.Concurrent;
using System.Diagnostics;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Hands each waiting signer the code mailed to their address, as the SMTP server (<see cref="SmtpSink"/>, its own
/// process) reports each message it received.</summary>
internal sealed class MailInbox : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private Process? _sink;
    private int _received;

    private MailInbox()
    {
    }

    /// <summary>The SMTP server's port on 127.0.0.1 (plain, no authentication).</summary>
    public int Port { get; private set; }

    public int Received => Volatile.Read(ref _received);

    /// <summary>CPU the SMTP server's process used so far.</summary>
    public TimeSpan SinkCpu
    {
        get
        {
            _sink!.Refresh();
            return _sink.TotalProcessorTime;
        }
    }

    public static async Task<MailInbox> StartAsync()
    {
        var inbox = new MailInbox();
        (inbox._sink, inbox.Port) = await SmtpSink.StartAsync(inbox.Deliver);
        return inbox;
    }

    /// <summary>The code of the first message to <paramref name="address"/>; null after 30 s. Call before the send.</summary>
    public async Task<string?> CodeForAsync(string address)
    {
        var waiter = Waiter(address);
        try
        {
            return await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _waiting.TryRemove(address, out _);
        }
    }

    private void Deliver(string address, string code)
    {
        Interlocked.Increment(ref _received);
        Waiter(address).TrySetResult(code);
    }

    private TaskCompletionSource<string?> Waiter(string address) =>
        _waiting.GetOrAdd(address, _ => new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        if (_sink is null)
        {
            return;
        }

        _sink.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _sink.WaitForExitAsync(cts.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_sink.HasExited)
        {
            _sink.Kill();
        }

        _sink.Dispose();
    }
}
