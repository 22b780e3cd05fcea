using System.Text;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Email;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The "Check and sign" step: the answers, what is kept, and the ways on — sign; or, when the campaign verifies
/// by school email, verify (and, where it is optional, skip and sign self-attested).</summary>
public static class SignPreview
{
    /// <param name="token">Makes the token of an action ("sign", "verify", "skip", "edit"); by default "sg:&lt;draft&gt;:&lt;action&gt;".</param>
    public static Reply Show(FlowDraft draft, CampaignDefinition campaign, string recipients, Func<string, string>? token = null)
    {
        token ??= action => Token.Make(SignFlow.Prefix, draft.Id, action);
        var named = draft.Answers().IsNamed;
        var text = new StringBuilder(Summary(draft, recipients));
        var mode = campaign.VerificationMode ?? VerificationMode.None;
        var choices = new List<Choice>();
        switch (mode)
        {
            case VerificationMode.EmailRequired:
                text.Append("\n\nThis petition counts only signers who prove a school email address: we mail you a 6-digit code, " +
                            "and keep only the address's domain and a keyed fingerprint of it, never the address.");
                choices.Add(new Choice(token("verify"), "Verify my school email", ChoiceStyle.Success));
                break;
            case VerificationMode.Email:
                text.Append("\n\nVerify with your school email to make your signature count as verified (we mail you a 6-digit code and " +
                            "keep only the domain and a keyed fingerprint of the address), or skip.");
                choices.Add(new Choice(token("verify"), "Verify my school email", ChoiceStyle.Success));
                choices.Add(SkipChoice(draft, token));
                break;
            default:
                choices.Add(new Choice(token("sign"), named ? "Sign with my name" : "Sign, counted only", ChoiceStyle.Success));
                break;
        }

        choices.Add(new Choice(token("edit"), "Edit"));
        choices.Add(SignFlow.CancelChoice(draft));
        return new Reply { Title = "Check and sign", Text = text.ToString(), Choices = choices, ReplacesPrevious = true };
    }

    /// <summary>The answers as they will be signed, and what is kept of them.</summary>
    public static string Summary(FlowDraft draft, string recipients)
    {
        var answers = draft.Answers();
        var named = answers.IsNamed;
        return new StringBuilder()
            .Append(named ? $"Name: {answers.Name}\n" : "Name: not asked (counted only)\n")
            .Append("School or program: ").Append(answers.School)
            .Append(answers.SchoolId == School.OtherId ? " (not in our list; organizers will match it)\n" : "\n")
            .Append("Training stage: ").Append(answers.Stage).Append('\n')
            .Append("I am a: ").Append(answers.Role).Append("\n\n")
            .Append(named
                ? $"Your name, school and stage go on the list delivered to {recipients}."
                : "You are counted in every total; only your school and stage are kept, never a name.")
            .ToString();
    }

    /// <summary>"Skip" where verifying is optional: signs self-attested, or verified by the server's role.</summary>
    public static Choice SkipChoice(FlowDraft draft, Func<string, string> token) => new(token("skip"),
        draft.Answers().Verification == Verification.RoleVerified ? "Skip — sign verified by server role" : "Skip — sign self-attested",
        ChoiceStyle.Primary);
}
