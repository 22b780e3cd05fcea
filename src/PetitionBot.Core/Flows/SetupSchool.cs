using PetitionBot.Core.Schools;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>What <c>/setup school:</c> stores: a directory school (its id from the autocomplete list, or typed text
/// that resolves to exactly one school), or with the prefix "other:" the text as typed. Ambiguous or unknown text is
/// refused with the closest schools to pick from.</summary>
internal static class SetupSchool
{
    /// <summary>Null when <paramref name="picked"/> holds the choice (Id, display name); else the sentence to show.</summary>
    public static string? Pick(ISchoolDirectory schools, string value, out (string Id, string Name) picked)
    {
        picked = default;
        if (OtherSchoolValue.TextOf(value) is { } other)
        {
            var text = InputRules.School(other);
            if (!text.IsValid)
            {
                return text.Error;
            }

            picked = (School.OtherId, text.Value!);
            return null;
        }

        if (schools.Find(value) is { } byId)
        {
            picked = (byId.Id, byId.Name);
            return null;
        }

        var check = InputRules.School(value);
        if (!check.IsValid)
        {
            return check.Error;
        }

        var match = schools.Resolve(check.Value!);
        if (match is { Kind: SchoolMatchKind.Found, School: { } found })
        {
            picked = (found.Id, found.Name);
            return null;
        }

        var options = string.Join("; ", match.Candidates.Take(5).Select(c => $"{c.Name} (school:{c.Id})"));
        return match.Kind == SchoolMatchKind.Ambiguous
            ? $"Several schools fit \"{Clip(check.Value!)}\": {options}. Pick one from the list or use its id."
            : $"\"{Clip(check.Value!)}\" is not in the school directory." +
              (options.Length > 0 ? $" Closest: {options}." : "") +
              " To keep it as typed, use school:\"other: <name>\".";
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
