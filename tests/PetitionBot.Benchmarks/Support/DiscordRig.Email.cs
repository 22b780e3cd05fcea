using System.Diagnostics;
using System.Text.Json.Nodes;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Benchmarks.Support;

/// <summary>The sign flow of a campaign with <c>Verification=email</c>, driven the way a person on Discord would.</summary>
internal sealed partial class DiscordRig
{
    /// <summary>/sign → role → "Sign with my name" → the form with the school email typed in it → "Other" (the code is
    /// mailed here, once the school is settled) → the code read out of the mail → "Enter code" (modal) → the code
    /// submitted: 7 interactions. Every ack goes to <paramref name="times"/>.<see cref="EmailFlowTimes.Acks"/>; the
    /// step that mails the code has its ack, its answer (dispatch → the code prompt seen by the driver) and the mail's
    /// arrival kept apart. False when a step failed.</summary>
    /// <param name="codeFor">Completes with the code mailed to an address (null when none came).</param>
    public async Task<bool> SignWithEmailAsync(string guildId, string userId, string domain, Func<string, Task<string?>> codeFor, EmailFlowTimes times)
    {
        var acks = times.Acks;
        var first = await StepAsync(FakeDiscordInteractions.SlashCommand(Fake, guildId, userId, "sign"), acks);
        var role = SignButton(first, "r0");
        var naming = role is null ? null : SignButton(await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, role), acks), "named");
        var modal = naming is null ? null : await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, naming), acks);
        var form = modal is null ? null : CustomIds(modal).FirstOrDefault(c => c.StartsWith("sgf:", StringComparison.Ordinal));
        if (form is null)
        {
            return times.Failed("before the form", modal ?? first);
        }

        var address = $"s{userId}@{domain}";
        var mail = codeFor(address);
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Bench Signer " + userId[^6..], ["school"] = "Bench School " + (userId[^1] - '0'), ["stage"] = "MS2", ["email"] = address,
        };
        var stepAcks = new List<double>(1);
        var sentAt = Stopwatch.GetTimestamp();
        var sent = await StepAsync(FakeDiscordInteractions.ModalSubmit(Fake, guildId, userId, form, fields), stepAcks);
        if (SignButton(sent, "sother") is { } other)
        {
            // The school is not in the directory: the code goes when "Other" settles it.
            Add(acks, stepAcks);
            stepAcks.Clear();
            sentAt = Stopwatch.GetTimestamp();
            sent = await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, other), stepAcks);
        }

        var answered = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
        Add(acks, stepAcks);
        Add(times.AddressAcks, stepAcks);
        Add(times.AddressAnswers, [answered]);
        var enter = SignButton(sent, "code");
        var code = enter is null ? null : await mail;
        if (code is null)
        {
            return times.Failed(enter is null ? "address step" : "no mail", sent);
        }

        Add(times.MailArrivals, [Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds]);
        var codeModal = await StepAsync(FakeDiscordInteractions.Button(Fake, guildId, userId, enter!), acks);
        var codeForm = codeModal is null ? null : FormToken(codeModal, ":code");
        if (codeForm is null)
        {
            return times.Failed("Enter code", codeModal);
        }

        var done = await StepAsync(FakeDiscordInteractions.ModalSubmit(Fake, guildId, userId, codeForm, new Dictionary<string, string> { ["code"] = code }), acks);
        return done?.ToJsonString().Contains("Verified by school email", StringComparison.Ordinal) == true || times.Failed("code step", done);
    }

    private static string? FormToken(JsonNode modal, string suffix) =>
        CustomIds(modal).FirstOrDefault(c => c.StartsWith("sgf:", StringComparison.Ordinal) && c.EndsWith(suffix, StringComparison.Ordinal));

    private static void Add(ICollection<double> into, IEnumerable<double> values)
    {
        lock (into)
        {
            foreach (var value in values)
            {
                into.Add(value);
            }
        }
    }
}
