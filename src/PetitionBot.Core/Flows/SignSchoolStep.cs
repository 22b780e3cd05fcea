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

    /// <summary>The school to prefill: the /sign school: option, else the server's school; a directory id shows as its name.</summary>
    public void Prefill(Dictionary<string, string> values, string? requested, ServerSettings? server)
    {
        var given = !string.IsNullOrWhiteSpace(requested) ? requested.Trim() : server?.SchoolId is { Length: > 0 } id ? id : server?.School;
        if (string.IsNullOrWhiteSpace(given) || values.ContainsKey(SignKeys.School))
        {
            return;
        }

        if (directory.Find(given) is { } school)
        {
            values[SignKeys.School] = school.Name;
            values[SignKeys.SchoolId] = school.Id;
        }
        else
        {
            values[SignKeys.School] = Text.InputRules.SingleLine(given, "School", 1, Text.InputRules.SchoolMax).Value ?? "";
        }
    }

    /// <summary>Resolves the school in <paramref name="values"/>. True when it is settled (a school, or "Other" already
    /// chosen); false when the signer must pick, and then the candidates are in the values.</summary>
    public bool Resolve(Dictionary<string, string> values)
    {
        var typed = values[SignKeys.School];
        if (values.GetValueOrDefault(SignKeys.SchoolId) is { } known && (known == School.OtherId || directory.Find(known) is not null))
        {
            return true;
        }

        var match = directory.Find(typed) is { } byId ? SchoolMatch.Found(byId) : directory.Resolve(typed);
        if (match is { Kind: SchoolMatchKind.Found, School: { } found })
        {
            values[SignKeys.School] = found.Name;
            values[SignKeys.SchoolId] = found.Id;
            values.Remove(SignKeys.Candidates);
            return true;
        }

        if (directory.All.Count == 0)
        {
            // No directory at all: nothing to pick from, the school stays as typed.
            values[SignKeys.SchoolId] = School.OtherId;
            return true;
        }

        values[SignKeys.Candidates] = string.Join(",", match.Candidates.Take(MaxCandidates).Select(c => c.Id));
        values.Remove(SignKeys.SchoolId);
        return false;
    }

    /// <summary>"Which school did you mean?" with a button per candidate, "Other" and "Edit my answers".</summary>
    public Reply Ask(FlowDraft draft)
    {
        var typed = draft.Values[SignKeys.School];
        var candidates = Candidates(draft);
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

    /// <summary>Applies a pick: "s0".."s4" a candidate, "sother" the typed text as "Other". False for a stale pick.</summary>
    public bool Pick(Dictionary<string, string> values, FlowDraft draft, string action)
    {
        if (action == "sother")
        {
            values[SignKeys.SchoolId] = School.OtherId;
            values.Remove(SignKeys.Candidates);
            return true;
        }

        var candidates = Candidates(draft);
        if (!int.TryParse(action.AsSpan(1), out var i) || i < 0 || i >= candidates.Count)
        {
            return false;
        }

        values[SignKeys.School] = candidates[i].Name;
        values[SignKeys.SchoolId] = candidates[i].Id;
        values.Remove(SignKeys.Candidates);
        return true;
    }

    /// <summary>The school of the draft, when it is one of the directory.</summary>
    public School? SchoolOf(IReadOnlyDictionary<string, string> values) =>
        values.GetValueOrDefault(SignKeys.SchoolId) is { } id ? directory.Find(id) : null;

    private List<School> Candidates(FlowDraft draft) =>
        (draft.Values.GetValueOrDefault(SignKeys.Candidates) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory.Find).OfType<School>().ToList();

    private static string Label(School school) => $"{school.Name} ({school.Kind}, {school.State})";
}
