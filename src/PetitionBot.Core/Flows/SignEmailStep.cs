using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Email;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/sign's email step (campaign <c>Verification</c> email or email-required): the institutional address, its
/// domain checked against the school's and the campaign's domains, the code, and a right code signs "verified by school
/// email" — unless that address already signed, from any platform.</summary>
public sealed class SignEmailStep(
    EmailCodeStep codes,
    IEmailVerificationStore emails,
    SignSchoolStep schools,
    SignCompletion completion,
    IDraftStore drafts)
{
    public const string AddressForm = "email";
    public const string CodeForm = "code";

    public static Reply OpenAddressForm(FlowDraft draft) => new()
    {
        Text = "Type your school email address; we will mail you a 6-digit code.",
        Form = EmailCodeStep.AddressForm(Token.Make(SignFlow.FormPrefix, draft.Id, AddressForm), EmailCodeStep.PendingAddress(draft)),
        ReplacesPrevious = true,
    };

    public static Reply OpenCodeForm(FlowDraft draft) => new()
    {
        Text = "Type the 6-digit code from the email.",
        Form = EmailCodeStep.CodeForm(Token.Make(SignFlow.FormPrefix, draft.Id, CodeForm)),
        ReplacesPrevious = true,
    };

    /// <summary>"Enter code": the code form, unless the mail (sent in the background) could not be sent.</summary>
    public async Task<Reply> OpenCodeFormAsync(FlowContext ctx, FlowDraft draft, CancellationToken ct = default) =>
        await codes.FailedSendAsync(draft, ct) is { } down ? NotSent(ctx, draft, down) : OpenCodeForm(draft);

    public async Task<Reply> SubmitAddressAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string? raw, CancellationToken ct = default)
    {
        var address = EmailAddressRules.Address(raw);
        if (!address.IsValid)
        {
            return FieldError(draft, EmailCodeStep.AddressField, address.Error!, "Type it again");
        }

        return DomainProblem(draft, campaign, address.Value!) is { } problem
            ? FieldError(draft, EmailCodeStep.AddressField, problem, "Type it again")
            : await SendAsync(ctx, draft, campaign, address.Value!, ct);
    }

    /// <summary>The address typed in the sign form, once the school is settled (<paramref name="draft"/> is at the confirm
    /// step with every answer): the code is mailed at once and the reply shows the answers with "Enter code". When no
    /// code goes (wrong domain, too many sends, mail down), the draft is kept at the confirm step, so typing another
    /// address, skipping (where verifying is optional) and editing work as from the preview.</summary>
    public async Task<Reply> SendFromFormAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string address, string recipients,
        CancellationToken ct = default)
    {
        if (DomainProblem(draft, campaign, address) is { } problem)
        {
            await drafts.SaveAsync(draft, ct);
            return new Reply { Text = problem, Choices = NoCodeChoices(draft, campaign), ReplacesPrevious = true };
        }

        var result = await codes.SendAsync(ctx, draft, address, campaign.Title, SignState.Name(SignStep.Code), ct: ct);
        var said = EmailCodeStep.Say(result, ctx.Actor.Platform == PlatformKind.Console, "/sign");
        if (result.Status == EmailStepStatus.Sent)
        {
            var choices = CodeChoices(result.Draft, enter: true).ToList();
            choices.Insert(choices.Count - 1, new Choice(Token.Make(SignFlow.Prefix, draft.Id, "edit"), "Edit my answers"));
            return new Reply { Title = "Check and sign", Text = SignPreview.Summary(result.Draft, recipients) + "\n\n" + said, Choices = choices, ReplacesPrevious = true };
        }

        if (result.Status == EmailStepStatus.TooManySends)
        {
            // Nothing was written; a code that could not be mailed already put this draft back.
            await drafts.SaveAsync(draft, ct);
        }

        return new Reply { Text = said, Choices = NoCodeChoices(draft, campaign), ReplacesPrevious = true };
    }

    /// <summary>Why the address's domain cannot prove the signer's school, with the domains that would; null when it can.</summary>
    private string? DomainProblem(FlowDraft draft, CampaignDefinition campaign, string address)
    {
        var answers = draft.Answers();
        var school = schools.SchoolOf(answers);
        var schoolDomains = school?.EmailDomains ?? [];
        if (EmailAddressRules.DomainMatches(EmailAddressRules.Domain(address), schoolDomains.Concat(campaign.EmailDomains)))
        {
            return null;
        }

        var working = schoolDomains.Concat(campaign.EmailDomains).Select(EmailAddressRules.Clean).Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal).Select(d => "@" + d).ToList();
        var schoolName = school?.Name ?? answers.School ?? "your school";
        return working.Count > 0
            ? $"That address is not at a domain we accept for {schoolName}; please use one ending in {string.Join(" or ", working)}."
            : $"We do not know the email domain of {schoolName} yet, so we cannot check this address; please ask your organizers to add your school's domain.";
    }

    /// <summary>The ways on from the form's address when no code went: another address, skipping where verifying is
    /// optional, editing the answers, or cancelling.</summary>
    private static List<Choice> NoCodeChoices(FlowDraft draft, CampaignDefinition campaign)
    {
        var choices = new List<Choice> { new(Token.Make(SignFlow.Prefix, draft.Id, "verify"), "Type an address again", ChoiceStyle.Primary) };
        if (campaign.VerificationMode == VerificationMode.Email)
        {
            choices.Add(SignPreview.SkipChoice(draft, action => Token.Make(SignFlow.Prefix, draft.Id, action)));
        }

        choices.Add(new Choice(Token.Make(SignFlow.Prefix, draft.Id, "edit"), "Edit my answers"));
        choices.Add(SignFlow.CancelChoice(draft));
        return choices;
    }

    /// <summary>"Resend code": when the last code could not be sent, the signer is told so (try later) first.</summary>
    public async Task<Reply> ResendAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, CancellationToken ct = default)
    {
        if (await codes.FailedSendAsync(draft, ct) is { } down)
        {
            return NotSent(ctx, draft, down);
        }

        return EmailCodeStep.PendingAddress(draft) is { } address ? await SendAsync(ctx, draft, campaign, address, ct) : OpenAddressForm(draft);
    }

    public async Task<Reply> SubmitCodeAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string? typed, CancellationToken ct = default)
    {
        var result = await codes.CheckAsync(ctx, draft, typed, ct);
        switch (result.Status)
        {
            case EmailStepStatus.Proven:
                if (await emails.FindByEmailAsync(campaign.Id, result.Address!, ct) is { } existing)
                {
                    await drafts.DeleteAsync(draft.Id, ct);
                    return SignCompletion.AlreadySigned(campaign, existing, ctx.Actor.Platform, byEmail: true) with { ReplacesPrevious = true };
                }

                return await completion.SignAsync(ctx, result.Draft, campaign, Verification.SchoolEmail, result.Address, ct);
            case EmailStepStatus.TooManyTries:
                return new Reply { Text = EmailCodeStep.Say(result, false, "/sign"), ReplacesPrevious = true };
            case EmailStepStatus.MailDown:
                return NotSent(ctx, result.Draft, result);
            case EmailStepStatus.Expired:
                return new Reply { Text = EmailCodeStep.Say(result, false, "/sign"), Choices = CodeChoices(draft, enter: false), ReplacesPrevious = true };
            default:
                return new Reply
                {
                    Text = EmailCodeStep.Say(result, false, "/sign"),
                    FieldErrors = new Dictionary<string, string> { [EmailCodeStep.CodeField] = EmailCodeStep.Say(result, false, "/sign") },
                    Choices = CodeChoices(draft, enter: true),
                };
        }
    }

    private async Task<Reply> SendAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string address, CancellationToken ct)
    {
        var result = await codes.SendAsync(ctx, draft, address, campaign.Title, SignState.Name(SignStep.Code), ct: ct);
        return result.Status == EmailStepStatus.Sent
            ? new Reply { Text = EmailCodeStep.Say(result, ctx.Actor.Platform == PlatformKind.Console, "/sign"), Choices = CodeChoices(result.Draft, enter: true), ReplacesPrevious = true }
            : NotSent(ctx, draft, result);
    }

    private static Reply NotSent(FlowContext ctx, FlowDraft draft, EmailStepResult result) => new()
    {
        Text = EmailCodeStep.Say(result, ctx.Actor.Platform == PlatformKind.Console, "/sign"),
        Choices = [new Choice(Token.Make(SignFlow.Prefix, draft.Id, "verify"), "Try again", ChoiceStyle.Primary), SignFlow.CancelChoice(draft)],
        ReplacesPrevious = true,
    };

    private static IReadOnlyList<Choice> CodeChoices(FlowDraft draft, bool enter)
    {
        var choices = new List<Choice>();
        if (enter)
        {
            choices.Add(new Choice(Token.Make(SignFlow.Prefix, draft.Id, "code"), "Enter code", ChoiceStyle.Success));
        }

        choices.Add(new Choice(Token.Make(SignFlow.Prefix, draft.Id, "resend"), "Resend code", enter ? ChoiceStyle.Secondary : ChoiceStyle.Primary));
        choices.Add(new Choice(Token.Make(SignFlow.Prefix, draft.Id, "verify"), "Use another address"));
        choices.Add(SignFlow.CancelChoice(draft));
        return choices;
    }

    private static Reply FieldError(FlowDraft draft, string field, string error, string again) => new()
    {
        Text = error,
        FieldErrors = new Dictionary<string, string> { [field] = error },
        Choices = [new Choice(Token.Make(SignFlow.Prefix, draft.Id, "verify"), again, ChoiceStyle.Primary), SignFlow.CancelChoice(draft)],
    };
}
