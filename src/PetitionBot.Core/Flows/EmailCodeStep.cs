using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PetitionBot.Core.Email;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The code step every flow that proves an address shares (sign, and /unsign and /mydata from another account):
/// mails a 6-digit code, then checks what the person types. The pending attempt (address, a salted hash of the code — never
/// the code —, its expiry and the wrong tries) lives in the flow's draft, which the store keeps encrypted and deletes when
/// the flow ends or expires.</summary>
public sealed class EmailCodeStep(IVerificationMailer mailer, IEmailVerificationStore store, IDraftStore drafts)
{
    public const int MaxSendsPerHour = 3;
    public const int MaxTries = 5;
    public const string AddressField = "email";
    public const string CodeField = "code";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private const string AddressKey = "email";
    private const string HashKey = "codeHash";
    private const string SaltKey = "codeSalt";
    private const string ExpiresKey = "codeExpires";
    private const string TriesKey = "codeTries";

    public static FormSpec AddressForm(string token, string? value) => new(token, "Verify your school email",
    [
        new FormField(AddressField, "Your school email address", Text.EmailAddressRules.MaxLength, Value: value, MinLength: 6,
            Placeholder: "name@yourschool.edu"),
    ], "Send me a code");

    public static FormSpec CodeForm(string token) => new(token, "Enter your code",
        [new FormField(CodeField, "The 6-digit code from the email", 12, MinLength: 6, Placeholder: "123456")], "Check the code");

    /// <summary>The address of the pending attempt, if any.</summary>
    public static string? PendingAddress(FlowDraft draft) => draft.Values.GetValueOrDefault(AddressKey);

    /// <summary>The draft holding <paramref name="address"/> as the one to mail (a code not sent yet: typed in a form whose
    /// answers are not settled); any earlier attempt is dropped.</summary>
    public static FlowDraft WithAddress(FlowDraft draft, string address)
    {
        var forgotten = Forget(draft);
        return forgotten with { Values = new Dictionary<string, string>(forgotten.Values) { [AddressKey] = address } };
    }

    /// <summary>The draft without any trace of the attempt.</summary>
    public static FlowDraft Forget(FlowDraft draft)
    {
        var values = new Dictionary<string, string>(draft.Values);
        foreach (var key in new[] { AddressKey, HashKey, SaltKey, ExpiresKey, TriesKey })
        {
            values.Remove(key);
        }

        return draft with { Values = values };
    }

    /// <summary>Mails a new code to <paramref name="address"/> (already checked and normalized), within the send limits. The
    /// send is counted and the attempt (the code's salted hash) saved in one write, before the mail goes.</summary>
    public async Task<EmailStepResult> SendAsync(FlowContext ctx, FlowDraft draft, string address, string campaignTitle, string step,
        VerificationPurpose purpose = VerificationPurpose.Sign, CancellationToken ct = default)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var values = new Dictionary<string, string>(draft.Values)
        {
            [AddressKey] = address,
            [HashKey] = Hash(salt, code),
            [SaltKey] = Convert.ToBase64String(salt),
            [ExpiresKey] = (ctx.Now + CodeLifetime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            [TriesKey] = draft.Values.GetValueOrDefault(TriesKey) ?? "0",
        };
        var keepUntil = ctx.Now + CodeLifetime + TimeSpan.FromMinutes(5);
        var saved = draft with { Step = step, Values = values, ExpiresAt = draft.ExpiresAt > keepUntil ? draft.ExpiresAt : keepUntil };
        if (!await store.TryCountSendAsync(ctx.Actor.IdentityKey, address, ctx.Now, MaxSendsPerHour, saved, ct))
        {
            return new EmailStepResult(EmailStepStatus.TooManySends, draft);
        }

        var signer = ctx.Actor.Platform == PlatformKind.Console ? null
            : new DirectRecipient("", ctx.Actor.Platform, ctx.Actor.ServerId, ctx.Actor.UserId);
        var sent = await mailer.SendCodeAsync(new VerificationCodeMail(address, campaignTitle, code, CodeLifetime, purpose, signer), ct);
        if (!sent.Sent)
        {
            // The code never left: the attempt is put back as it was before this send, and the send is not counted.
            await store.UncountSendAsync(ctx.Actor.IdentityKey, address, ctx.Now, ct);
            await drafts.SaveAsync(draft, ct);
            return new EmailStepResult(EmailStepStatus.MailDown, draft);
        }

        return new EmailStepResult(EmailStepStatus.Sent, saved, PickupPath: sent.PickupPath, Queued: sent.Queued);
    }

    /// <summary>When the pending code's mail, sent in the background, could not be sent: the attempt without its code
    /// (saved) as <see cref="EmailStepStatus.MailDown"/>; null while it is on its way or once it went.</summary>
    public async Task<EmailStepResult?> FailedSendAsync(FlowDraft draft, CancellationToken ct = default)
    {
        if (PendingAddress(draft) is not { } address ||
            !long.TryParse(draft.Values.GetValueOrDefault(ExpiresKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(expires) - CodeLifetime;
        if (await mailer.FailureSinceAsync(address, sentAt, ct) == MailFailure.None)
        {
            return null;
        }

        // The mail never left: its send is not counted (a signer told to try later gets their sends back).
        await store.UncountSendAsync(draft.OwnerKey, address, sentAt, ct);
        var saved = WithoutCode(draft);
        await drafts.SaveAsync(saved, ct);
        return new EmailStepResult(EmailStepStatus.MailDown, saved);
    }

    /// <summary>Checks a typed code against the pending attempt; a wrong code is counted, the fifth ends the attempt.</summary>
    public async Task<EmailStepResult> CheckAsync(FlowContext ctx, FlowDraft draft, string? typed, CancellationToken ct = default)
    {
        var v = draft.Values;
        if (PendingAddress(draft) is not { } address || v.GetValueOrDefault(HashKey) is not { } hash || v.GetValueOrDefault(SaltKey) is not { } salt ||
            !long.TryParse(v.GetValueOrDefault(ExpiresKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return new EmailStepResult(EmailStepStatus.Expired, draft);
        }

        if (await FailedSendAsync(draft, ct) is { } down)
        {
            return down;
        }

        var digits = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return new EmailStepResult(EmailStepStatus.NotACode, draft, TriesLeft: MaxTries - Tries(draft));
        }

        if (ctx.Now.ToUnixTimeMilliseconds() >= expires)
        {
            var saved = WithoutCode(draft);
            await drafts.SaveAsync(saved, ct);
            return new EmailStepResult(EmailStepStatus.Expired, saved);
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Convert.FromBase64String(salt), digits)), Encoding.ASCII.GetBytes(hash)))
        {
            return new EmailStepResult(EmailStepStatus.Proven, draft, address);
        }

        var tries = Tries(draft) + 1;
        if (tries >= MaxTries)
        {
            await drafts.DeleteAsync(draft.Id, ct);
            return new EmailStepResult(EmailStepStatus.TooManyTries, Forget(draft));
        }

        var counted = draft with { Values = new Dictionary<string, string>(v) { [TriesKey] = tries.ToString(CultureInfo.InvariantCulture) } };
        await drafts.SaveAsync(counted, ct);
        return new EmailStepResult(EmailStepStatus.WrongCode, counted, TriesLeft: MaxTries - tries);
    }

    /// <summary>The sentence for every status but <see cref="EmailStepStatus.Proven"/>; <paramref name="platformIsConsole"/>
    /// allows naming the pickup file (never on Discord or Slack).</summary>
    public static string Say(EmailStepResult result, bool platformIsConsole, string restart) => result.Status switch
    {
        EmailStepStatus.Sent when result.Queued =>
            $"We are sending a 6-digit code to {PendingAddress(result.Draft)}; it is valid for {(int)CodeLifetime.TotalMinutes} minutes. " +
            "Press \"Enter code\" and type it when it arrives; if nothing comes within a few minutes, press \"Resend code\".",
        EmailStepStatus.Sent => $"We sent a 6-digit code to {PendingAddress(result.Draft)}; it is valid for {(int)CodeLifetime.TotalMinutes} minutes. " +
                                "Press \"Enter code\" and type it." +
                                (platformIsConsole && result.PickupPath is { } path ? $"\nNo mail server is configured, so the message was written to {path}" : ""),
        EmailStepStatus.TooManySends => $"Only {MaxSendsPerHour} codes an hour can go to one person or one address, so none was sent; please try again in an hour.",
        EmailStepStatus.MailDown => "We could not send the code because the mail server is not answering; nothing was saved, please try again later.",
        EmailStepStatus.WrongCode => $"That code is not right; you have {result.TriesLeft} {(result.TriesLeft == 1 ? "try" : "tries")} left.",
        EmailStepStatus.Expired => "That code has expired; press \"Resend code\" for a new one.",
        EmailStepStatus.TooManyTries => $"That was the {MaxTries}th wrong code, so this attempt has ended and nothing was saved; start again with {restart}.",
        EmailStepStatus.NotACode => "The code is the 6 digits from the email; please type just those.",
        _ => "",
    };

    /// <summary>The attempt with its address and tries but no code: nothing typed can match it any more.</summary>
    private static FlowDraft WithoutCode(FlowDraft draft)
    {
        var values = new Dictionary<string, string>(draft.Values);
        values.Remove(HashKey);
        values.Remove(SaltKey);
        values.Remove(ExpiresKey);
        return draft with { Values = values };
    }

    private static int Tries(FlowDraft draft) =>
        int.TryParse(draft.Values.GetValueOrDefault(TriesKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Hash(byte[] salt, string code) => Convert.ToBase64String(HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(code)));
}
