using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
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
        var values = draft.Values;
        var stages = RoleStages.For(campaign, values.GetValueOrDefault(SignKeys.Role));
        var fields = new List<FormField>();
        if (SignKeys.IsNamed(values))
        {
            fields.Add(new FormField(SignKeys.Name, "Full name", InputRules.NameMax, Value: values.GetValueOrDefault(SignKeys.Name), MinLength: 2,
                Placeholder: "As it should appear on the delivered list"));
        }

        fields.Add(new FormField(SignKeys.School, "School or program", InputRules.SchoolMax, Value: values.GetValueOrDefault(SignKeys.School),
            MinLength: 2, Placeholder: "e.g. UCSF, or your school's full name", Kind: FormFieldKind.School));
        fields.Add(new FormField(SignKeys.Stage, "Training stage", 30, Value: values.GetValueOrDefault(SignKeys.Stage),
            Placeholder: Clip(string.Join(", ", stages), 100)));
        return new Reply
        {
            Text = note ?? "Please fill in the sign-up form.",
            Form = new FormSpec(formToken ?? Token.Make(SignFlow.FormPrefix, draft.Id), "Sign the petition", fields),
            ReplacesPrevious = true,
        };
    }

    /// <summary>Checks the submitted fields. Returns the draft values with every valid answer set (and the invalid ones
    /// removed) and the errors by field.</summary>
    public static (Dictionary<string, string> Values, Dictionary<string, string> Errors) Check(
        CampaignDefinition campaign, FlowDraft draft, IReadOnlyDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(draft.Values);
        var errors = new Dictionary<string, string>();
        if (SignKeys.IsNamed(values))
        {
            Keep(values, errors, SignKeys.Name, InputRules.PersonName(fields.GetValueOrDefault(SignKeys.Name)));
        }
        else
        {
            values.Remove(SignKeys.Name);
        }

        var school = InputRules.School(fields.GetValueOrDefault(SignKeys.School));
        if (school.IsValid && !string.Equals(school.Value, values.GetValueOrDefault(SignKeys.School), StringComparison.OrdinalIgnoreCase))
        {
            values.Remove(SignKeys.SchoolId);
        }

        Keep(values, errors, SignKeys.School, school);
        Keep(values, errors, SignKeys.Stage, Stage(campaign, values.GetValueOrDefault(SignKeys.Role), fields.GetValueOrDefault(SignKeys.Stage)));
        return (values, errors);
    }

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

    private static void Keep(Dictionary<string, string> values, Dictionary<string, string> errors, string field, FieldCheck check)
    {
        if (check.IsValid)
        {
            values[field] = check.Value!;
        }
        else
        {
            values.Remove(field);
            errors[field] = check.Error!;
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
