using System.Collections.Concurrent;
using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>A burst of Discord sign flows (8 at a time) whose bot may be killed mid-way: a signer cut off by
/// <paramref name="killed"/> simply stops. <see cref="ConfirmOf"/> maps each confirm interaction sent to its signer;
/// <see cref="Reported"/> holds the signers who read a reply containing <paramref name="signedText"/>.</summary>
internal sealed class KillableSignBurst
{
    public KillableSignBurst(FakeDiscordServer fake, int signers, Func<int, string> signerId, Func<int, string> guildId, string signedText,
        CancellationToken killed)
    {
        Task = Parallel.ForEachAsync(Enumerable.Range(0, signers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            if (killed.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var trace = await SignAsync(fake, signerId(i), $"Signer Number{i}", school: $"School {i % 3}", stage: "MS2",
                    guildId: guildId(1 + (i % 3)), ct: killed, confirming: id => ConfirmOf[id] = signerId(i));
                if (Text(trace.Done["data"]).Contains(signedText, StringComparison.Ordinal))
                {
                    Reported.Add(signerId(i));
                }
            }
            catch (OperationCanceledException) when (killed.IsCancellationRequested)
            {
                // The bot died under this signer: they never saw "Signed" (unless the fake got it; the tests count that).
            }
        });
    }

    /// <summary>Confirm interaction id → signer.</summary>
    public ConcurrentDictionary<string, string> ConfirmOf { get; } = new();

    public ConcurrentBag<string> Reported { get; } = [];

    public Task Task { get; }
}
