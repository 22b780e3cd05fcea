using PetitionBot.Core.Flows;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>The typed view of a /sign draft reads and writes the stored names and keys that drafts saved by earlier
/// versions hold, and keeps what is not its own (a pending email code).</summary>
public sealed class SignStateTests
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Answers_DraftSavedWithStoredKeys_ReadAsTyped()
    {
        var draft = Draft("school", new Dictionary<string, string>
        {
            ["role"] = "Medical student", ["verification"] = "RoleVerified", ["naming"] = "counted", ["school"] = "Hogwarts",
            ["candidates"] = "ucsf,stanford", ["stage"] = "MS2",
        });

        var answers = draft.Answers();

        Assert.Equal(SignStep.School, draft.Step());
        Assert.Equal(("Medical student", Verification.RoleVerified, SignNaming.Counted, false), (answers.Role, answers.Verification, answers.Naming, answers.IsNamed));
        Assert.Equal(("Hogwarts", (string?)null, "MS2"), (answers.School, answers.SchoolId, answers.Stage));
        Assert.Equal(["ucsf", "stanford"], answers.Candidates);
    }

    [Fact]
    public void At_NewStepAndAnswers_WritesStoredNamesAndKeepsTheEmailAttempt()
    {
        var draft = Draft("confirm", new Dictionary<string, string> { ["school"] = "UCSF", ["candidates"] = "ucsf", ["email"] = "ana@ucsf.edu", ["codeHash"] = "h" });

        var moved = draft.At(SignStep.Code, draft.Answers() with { SchoolId = "ucsf", Candidates = [], Naming = SignNaming.Named });

        Assert.Equal("code", moved.Step);
        Assert.Equal(new Dictionary<string, string> { ["school"] = "UCSF", ["schoolId"] = "ucsf", ["naming"] = "named", ["email"] = "ana@ucsf.edu", ["codeHash"] = "h" },
            moved.Values);
    }

    [Theory]
    [InlineData("eligibility", SignStep.Eligibility)]
    [InlineData("naming", SignStep.Naming)]
    [InlineData("form", SignStep.Form)]
    [InlineData("school", SignStep.School)]
    [InlineData("confirm", SignStep.Confirm)]
    [InlineData("code", SignStep.Code)]
    public void Step_StoredName_RoundTrips(string stored, SignStep step)
    {
        Assert.Equal(step, Draft(stored, new Dictionary<string, string>()).Step());
        Assert.Equal(stored, SignState.Name(step));
    }

    [Theory]
    [InlineData("Form")]
    [InlineData("2")]
    [InlineData("")]
    public void Step_UnknownName_IsNull(string stored) => Assert.Null(Draft(stored, new Dictionary<string, string>()).Step());

    private static FlowDraft Draft(string step, Dictionary<string, string> values) =>
        new("d1", SignKeys.FlowName, "discord:1", "c", step, values, Expires);
}
