using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Email;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>The sign-up form: the name only for a named signature, the school (a directory picker where the platform has
/// one), and the stage among those of the signer's role. Checking it keeps every valid answer in the draft, so "Edit my
/// answers" after an error shows them again.</summary>
public static class SignForm
{
    public static Reply Show(CampaignDefinition campaign, FlowDraft draft, string? note = null, string? formToken = null)
    {
        var answers = draft.Answers();
        var stages = RoleStages.For(campaign, answers.Role);
        var fields = new List<FormField>();
        if (answers.IsNamed)
        {
            fields.Add(new FormField(SignKeys.Name, "Full name", InputRules.NameMax, Value: answers.Name, MinLength: 2,
                Placeholder: "As it should appear on the delivered list"));
        }

        fields.Add(new FormField(SignKeys.School, "School or program", InputRules.SchoolMax, Value: answers.School,
            MinLength: 2, Placeholder: "e.g. UCSF, or your school's full name", Kind: FormFieldKind.School));
        fields.Add(new FormField(SignKeys.Stage, "Training stage", 30, Value: answers.Stage,
            Placeholder: Clip(string.Join(", ", stages), 100)));
        if ((campaign.VerificationMode ?? VerificationMode.None) != VerificationMode.None)
        {
            // Typed here, the code is mailed as soon as the school is settled: no separate "Verify" step and address form.
            fields.Add(new FormField(EmailCodeStep.AddressField, "School email, for a 6-digit code (optional)", EmailAddressRules.MaxLength,
                Required: false, Value: EmailCodeStep.PendingAddress(draft), Placeholder: "name@yourschool.edu — or leave empty to decide later"));
        }

        return new Reply
        {
            Text = note ?? "Please fill in the sign-up form.",
            Form = new FormSpec(formToken ?? Token.Make(SignFlow.FormPrefix, draft.Id), "Sign the petition", fields),
            ReplacesPrevious = true,
        };
    }

    /// <summary>Checks the submitted fields (by their ids, <see cref="SignKeys"/>). Returns the answers with every valid one
    /// set (and the invalid ones cleared) and the errors by field.</summary>
    public static (SignAnswers Answers, Dictionary<string, string> Errors) Check(
        CampaignDefinition campaign, SignAnswers answers, IReadOnlyDictionary<string, string> fields)
    {
        var errors = new Dictionary<string, string>();
        var checkedName = answers.IsNamed ? Keep(errors, SignKeys.Name, InputRules.PersonName(fields.GetValueOrDefault(SignKeys.Name))) : null;
        var rawSchool = fields.GetValueOrDefault(SignKeys.School);
        var other = OtherSchoolValue.TextOf(rawSchool);
        var school = InputRules.School(other ?? rawSchool);
        var sameSchool = !school.IsValid || string.Equals(school.Value, answers.School, StringComparison.OrdinalIgnoreCase);
        var result = answers with
        {
            Name = checkedName,
            School = Keep(errors, SignKeys.School, school),
            SchoolId = other is not null && school.IsValid ? School.OtherId : sameSchool ? answers.SchoolId : null,
        };
        return (result with { Stage = Keep(errors, SignKeys.Stage, Stage(campaign, result.Role, fields.GetValueOrDefault(SignKeys.Stage))) }, errors);
    }

    /// <summary>The school email typed in the form: null when the campaign does not verify by email or the field was left
    /// empty; otherwise the checked address (or its error).</summary>
    public static FieldCheck? Address(CampaignDefinition campaign, IReadOnlyDictionary<string, string> fields) =>
        (campaign.VerificationMode ?? VerificationMode.None) == VerificationMode.None ||
        string.IsNullOrWhiteSpace(fields.GetValueOrDefault(EmailCodeStep.AddressField))
            ? null
            : EmailAddressRules.Address(fields[EmailCodeStep.AddressField]);

    public static Reply Errors(FlowDraft draft, IReadOnlyDictionary<string, string> errors) => new()
    {
        Text = "Please fix your answers (nothing was saved):\n" + string.Join("\n", errors.Values.Select(e => "• " + e)),
        FieldErrors = errors,
        Choices = [new Choice(Token.Make(SignFlow.Prefix, draft.Id, "edit"), "Edit my answers", ChoiceStyle.Primary), SignFlow.CancelChoice(draft)],
    };

    /// <summary>A stage of the campaign that also belongs to the role ("PGY2" is refused for a medical student).</summary>
    public static FieldCheck Stage(CampaignDefinition campaign, string? role, string? raw)
    {
        var check = InputRules.Stage(raw, campaign.EffectiveStages);
        var allowed = RoleStages.For(campaign, role);
        if (!check.IsValid)
        {
            return check.Error!.StartsWith("Training stage must be one of", StringComparison.Ordinal)
                ? FieldCheck.Fail($"Training stage must be one of: {string.Join(", ", allowed)}.")
                : check;
        }

        return allowed.Contains(check.Value!, StringComparer.OrdinalIgnoreCase)
            ? check
            : FieldCheck.Fail($"{check.Value} is not a stage for a {role?.ToLowerInvariant() ?? "signer"}; please pick one of: {string.Join(", ", allowed)}.");
    }

    /// <summary>The checked value, or null with the field's error noted.</summary>
    private static string? Keep(Dictionary<string, string> errors, string field, FieldCheck check)
    {
        if (check.IsValid)
        {
            return check.Value!;
        }

        errors[field] = check.Error!;
        return null;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
