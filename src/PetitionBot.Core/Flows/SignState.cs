using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The typed view of a /sign draft: its <see cref="SignStep"/> and its <see cref="SignAnswers"/>, read from and
/// written into the store's <see cref="FlowDraft"/> (whose step is a name and whose values are strings, encrypted).</summary>
public static class SignState
{
    private static readonly SignStep[] Steps = Enum.GetValues<SignStep>();
    private static readonly string[] Names = Steps.Select(s => s.ToString().ToLowerInvariant()).ToArray();

    public static SignAnswers Answers(this FlowDraft draft) => SignAnswers.From(draft.Values);

    /// <summary>The draft's step; null for a name this version does not know.</summary>
    public static SignStep? Step(this FlowDraft draft)
    {
        var i = Array.IndexOf(Names, draft.Step);
        return i < 0 ? null : Steps[i];
    }

    /// <summary>The draft at <paramref name="step"/>, with <paramref name="answers"/> when given.</summary>
    public static FlowDraft At(this FlowDraft draft, SignStep step, SignAnswers? answers = null) =>
        draft with { Step = Name(step), Values = answers is null ? draft.Values : answers.Into(draft.Values) };

    /// <summary>The draft with <paramref name="answers"/>, at the same step.</summary>
    public static FlowDraft With(this FlowDraft draft, SignAnswers answers) => draft with { Values = answers.Into(draft.Values) };

    /// <summary>The stored name of a step ("eligibility", "naming", "form", "school", "confirm", "code").</summary>
    public static string Name(SignStep step) => Names[(int)step];
}
