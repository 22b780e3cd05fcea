using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Email;
using PetitionBot.Core.Ports;

namespace PetitionBot.Email;

/// <summary>Takes the SMTP conversation off the interaction path: a code for an SMTP server is accepted at once
/// (<see cref="MailSendResult.Queued"/>) and sent in the background, at most <see cref="MaxConcurrentSends"/> at a time,
/// by <see cref="MailKitVerificationMailer"/> (which logs and counts failures). A failed send is remembered for the code's
/// life under a hash of the address — never the address — so the signer's next step ("Enter code", "Resend code", the
/// code itself) says the mail server is not answering, and the signer is told at once by private message
/// (<see cref="MailFailureNotice"/>). With no SMTP host the <c>.eml</c> file is written at once, as
/// before (the console names it).</summary>
internal sealed partial class QueuedVerificationMailer(
    MailKitVerificationMailer inner,
    MailFailureNotice notice,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<QueuedVerificationMailer> logger) : IVerificationMailer, IAsyncDisposable, IDisposable
{
    /// <summary>SMTP conversations open at once (each is its own connection, as a relay expects from a small client).</summary>
    public const int MaxConcurrentSends = 16;

    private static readonly TimeSpan Remember = TimeSpan.FromHours(1);

    /// <summary>The earliest a failure's private message goes, after the code was asked for.</summary>
    private static readonly TimeSpan NoticeDelay = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _slots = new(MaxConcurrentSends);
    private readonly ConcurrentDictionary<string, (MailFailure Failure, DateTimeOffset RequestedAt)> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();

    public async Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default)
    {
        if (!options.Value.UsesSmtp)
        {
            return await inner.SendCodeAsync(mail, ct);
        }

        var requestedAt = time.GetUtcNow();
        var send = Task.Run(() => SendLaterAsync(mail, requestedAt), CancellationToken.None);
        _inFlight.TryAdd(send, 0);
        _ = send.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return MailSendResult.Accepted();
    }

    public Task<MailFailure> FailureSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default) =>
        Task.FromResult(_failures.TryGetValue(Key(address), out var failed) && failed.RequestedAt >= since ? failed.Failure : MailFailure.None);

    private async Task SendLaterAsync(VerificationCodeMail mail, DateTimeOffset requestedAt)
    {
        try
        {
            MailSendResult result;
            await _slots.WaitAsync(_stopping.Token);
            try
            {
                result = await inner.SendCodeAsync(mail, _stopping.Token);
            }
            finally
            {
                _slots.Release();
            }

            if (!result.Sent)
            {
                // Remembered first, so the signer's next step knows whether or not the private message reaches them;
                // that message is sent outside the SMTP slots (the platform may pace it).
                Remembered(mail.To, result.Failure, requestedAt);
                await TellSignerAsync(mail, requestedAt);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            Dropped(logger);
        }
    }

    /// <summary>The private message that the code was not sent. A refusal or a closed port can come back before the
    /// signer's own answer ("we are sending a code") is shown, so it waits a moment so as not to arrive first; a bot
    /// stopping meanwhile drops it (the code was not sent either way, and the next start knows nothing of it).</summary>
    private async Task TellSignerAsync(VerificationCodeMail mail, DateTimeOffset requestedAt)
    {
        try
        {
            var early = requestedAt + NoticeDelay - time.GetUtcNow();
            if (early > TimeSpan.Zero)
            {
                await Task.Delay(early, time, _stopping.Token);
            }

            await notice.TellAsync(mail, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            NoticeDropped(logger);
        }
    }

    private void Remembered(string address, MailFailure failure, DateTimeOffset requestedAt)
    {
        var now = time.GetUtcNow();
        foreach (var (key, old) in _failures)
        {
            if (now - old.RequestedAt > Remember)
            {
                _failures.TryRemove(key, out _);
            }
        }

        _failures.AddOrUpdate(Key(address), (failure, requestedAt), (_, previous) => previous.RequestedAt > requestedAt ? previous : (failure, requestedAt));
    }

    private static string Key(string address) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())));

    /// <summary>Sends already accepted still go out on shutdown, for as long as one SMTP conversation may take.</summary>
    public async ValueTask DisposeAsync()
    {
        var pending = _inFlight.Keys.ToArray();
        if (pending.Length > 0)
        {
            await Task.WhenAll(pending).WaitAsync(options.Value.Smtp.Timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _stopping.CancelAsync();
    }

    /// <summary>A host disposed synchronously stops the sends still waiting (each logs that it was dropped).</summary>
    public void Dispose()
    {
        _stopping.Cancel();
    }

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "A verification code was not sent: the bot stopped before the mail server took it.")]
    private static partial void Dropped(ILogger logger);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "A signer was not told by private message that their code was not sent: the bot stopped first.")]
    private static partial void NoticeDropped(ILogger logger);
}
