using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>Turns what the signer typed (or picked) into a school of the directory: a directory id or an exact match is
/// that school; an ambiguous or unknown entry offers the closest schools and "Other — keep what I typed".</summary>
public sealed class SignSchoolStep(ISchoolDirectory directory)
{
    public const int MaxCandidates = 5;

    /// <summary>The school to prefill: the /sign school: option, else the server's school; a directory id shows as its name.
    /// Answers that already hold a school keep it.</summary>
    public SignAnswers Prefill(SignAnswers answers, string? requested, ServerSettings? server)
    {
        var given = !string.IsNullOrWhiteSpace(requested) ? requested.Trim() : server?.SchoolId is { Length: > 0 } id ? id : server?.School;
        if (string.IsNullOrWhiteSpace(given) || answers.School is not null)
        {
            return answers;
        }

        if (OtherSchoolValue.TextOf(given) is { } other)
        {
            var text = Text.InputRules.School(other);
            return text.IsValid ? answers with { School = text.Value, SchoolId = School.OtherId } : answers;
        }

        return directory.Find(given) is { } school
            ? answers with { School = school.Name, SchoolId = school.Id }
            : answers with { School = Text.InputRules.SingleLine(given, "School", 1, Text.InputRules.SchoolMax).Value ?? "" };
    }

    /// <summary>Resolves the typed school. Settled when it is a school, or "Other" already chosen; otherwise the signer must
    /// pick, and the answers carry the candidates.</summary>
    public (bool Settled, SignAnswers Answers) Resolve(SignAnswers answers)
    {
        var typed = answers.School ?? "";
        if (answers.SchoolId is { } known && (known == School.OtherId || directory.Find(known) is not null))
        {
            return (true, answers);
        }

        var match = directory.Find(typed) is { } byId ? SchoolMatch.Found(byId) : directory.Resolve(typed);
        if (match is { Kind: SchoolMatchKind.Found, School: { } found })
        {
            return (true, answers with { School = found.Name, SchoolId = found.Id, Candidates = [] });
        }

        if (directory.All.Count == 0)
        {
            // No directory at all: nothing to pick from, the school stays as typed.
            return (true, answers with { SchoolId = School.OtherId });
        }

        return (false, answers with { Candidates = match.Candidates.Take(MaxCandidates).Select(c => c.Id).ToList(), SchoolId = null });
    }

    /// <summary>"Which school did you mean?" with a button per candidate, "Other" and "Edit my answers".</summary>
    public Reply Ask(FlowDraft draft)
    {
        var answers = draft.Answers();
        var typed = answers.School;
        var candidates = Candidates(answers);
        var choices = candidates
            .Select((s, i) => new Choice(Token.Make(SignFlow.Prefix, draft.Id, "s" + i), Label(s), ChoiceStyle.Primary))
            .Append(new Choice(Token.Make(SignFlow.Prefix, draft.Id, "sother"), "Other — keep what I typed"))
            .Append(new Choice(Token.Make(SignFlow.Prefix, draft.Id, "edit"), "Edit my answers"))
            .Append(SignFlow.CancelChoice(draft))
            .ToList();
        return new Reply
        {
            Text = candidates.Count == 0
                ? $"We could not find \"{typed}\" in the list of US medical schools. Keep it as you typed it (organizers will match it later), or edit it."
                : $"\"{typed}\" could be more than one school, or is not in our list exactly. Which one is yours? " +
                  "If none is, keep what you typed and organizers will match it later.",
            Choices = choices,
            ReplacesPrevious = true,
        };
    }

    /// <summary>Applies a pick: "s0".."s4" a candidate, "sother" the typed text as "Other". Null for a stale pick.</summary>
    public SignAnswers? Pick(SignAnswers answers, string action)
    {
        if (action == "sother")
        {
            return answers with { SchoolId = School.OtherId, Candidates = [] };
        }

        var candidates = Candidates(answers);
        if (!int.TryParse(action.AsSpan(1), out var i) || i < 0 || i >= candidates.Count)
        {
            return null;
        }

        return answers with { School = candidates[i].Name, SchoolId = candidates[i].Id, Candidates = [] };
    }

    /// <summary>The school of the answers, when it is one of the directory.</summary>
    public School? SchoolOf(SignAnswers answers) => answers.SchoolId is { } id ? directory.Find(id) : null;

    private List<School> Candidates(SignAnswers answers) => answers.Candidates.Select(directory.Find).OfType<School>().ToList();

    private static string Label(School school) => $"{school.Name} ({school.Kind}, {school.State})";
}
