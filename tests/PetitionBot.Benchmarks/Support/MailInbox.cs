using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PetitionBot.Tests.Support;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Hands each waiting signer the code mailed to their address: one poller (every 5 ms) reads the messages the
/// in-process SMTP server received since its last pass, so no signer scans the whole mailbox.</summary>
internal sealed partial class MailInbox : IDisposable
{
    private readonly InProcessSmtpServer _server;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _poller;
    private int _seen;

    public MailInbox(InProcessSmtpServer server)
    {
        _server = server;
        _poller = Task.Run(PollAsync);
    }

    /// <summary>The code of the first message to <paramref name="address"/>; null after 15 s. Call before the send.</summary>
    public async Task<string?> CodeForAsync(string address)
    {
        var waiter = Waiter(address);
        try
        {
            return await waiter.Task.WaitAsync(TimeSpan.FromSeconds(15));
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

    private TaskCompletionSource<string?> Waiter(string address) =>
        _waiting.GetOrAdd(address, _ => new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var fresh = _server.Messages.Skip(_seen).ToList();
            _seen += fresh.Count;
            foreach (var message in fresh)
            {
                var to = message.To.Mailboxes.FirstOrDefault()?.Address;
                if (to is not null && Code().Match(message.TextBody ?? "") is { Success: true } code)
                {
                    Waiter(to).TrySetResult(code.Value);
                }
            }

            await Task.Delay(5, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex Code();

    public void Dispose()
    {
        _stop.Cancel();
        _poller.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
