using System.CommandLine;
using PetitionBot.ConsoleUi;
using PetitionBot.Core.Ports;
using PetitionBot.Hosting;

namespace PetitionBot.Cli;

/// <summary><c>petitionbot schools other</c> lists the "Other" school texts with their counts;
/// <c>petitionbot schools map "&lt;typed&gt;" &lt;id&gt;</c> moves those signatures (and totals) to a directory school, audited.</summary>
public static class SchoolsVerb
{
    public const string Verb = "schools";
    public const string Usage = "schools other | schools map \"<typed school>\" <school id>";
    private const string ArgFlag = "schools:";

    /// <summary>The <c>schools</c> command (System.CommandLine): <c>other</c> and <c>map "&lt;typed&gt;" &lt;id&gt;</c>. Each
    /// hands the verb's words to <paramref name="run"/> as flags; extra tokens stay configuration (<c>--Key=value</c>).</summary>
    public static Command Build(Func<CommandLine, CancellationToken, Task<int>> run)
    {
        var other = new Command("other", "List the \"Other\" schools signers typed, with their signature counts.") { TreatUnmatchedTokensAsErrors = false };
        other.SetAction((parse, ct) => run(Line(["other"], parse), ct));

        var typed = new Argument<string>("typed") { Description = "The school text exactly as listed by schools other (any case).", Arity = ArgumentArity.ZeroOrOne };
        var id = new Argument<string>("id") { Description = "The directory school id (e.g. ucsf).", Arity = ArgumentArity.ZeroOrOne };
        var map = new Command("map", "Move the signatures of one \"Other\" text to a directory school (audited).") { typed, id };
        map.TreatUnmatchedTokensAsErrors = false;
        map.SetAction((parse, ct) => run(Line(["map", parse.GetValue(typed), parse.GetValue(id)], parse), ct));

        var schools = new Command(Verb, "List or map the \"Other\" schools of signatures: " + Usage + ".") { other, map };
        schools.TreatUnmatchedTokensAsErrors = false;
        schools.SetAction(async (parse, ct) =>
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"Usage: petitionbot {Usage}");
            return PetitionBotApp.ConfigError;
        });
        return schools;
    }

    private static CommandLine Line(string?[] words, ParseResult parse)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var present = words.Where(w => w is not null).ToList();
        for (var i = 0; i < present.Count; i++)
        {
            flags[ArgFlag + i] = present[i]!;
        }

        return new CommandLine(Verb, flags, [.. parse.UnmatchedTokens]);
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> flags, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var words = Enumerable.Range(0, 3).Select(i => flags.GetValueOrDefault(ArgFlag + i)).Where(w => w is not null).Select(w => w!).ToList();
        var maintenance = services.GetRequiredService<ISchoolMaintenance>();
        switch (words)
        {
            case ["other"]:
                var rows = await maintenance.ListOtherAsync(ct);
                if (rows.Count == 0)
                {
                    await output.WriteLineAsync("No signature has an \"Other\" school: every school is in the directory.");
                    return 0;
                }

                await output.WriteLineAsync($"\"Other\" schools ({rows.Count}), with their signatures in all campaigns:");
                foreach (var row in rows)
                {
                    await output.WriteLineAsync($"{row.Count,6:N0}  {row.Label}");
                }

                await output.WriteLineAsync("Map one to a directory school with: petitionbot schools map \"<typed school>\" <school id>");
                return 0;
            case ["map", var typed, var id]:
                return await MapAsync(services, maintenance, typed, id, output, error, ct);
            default:
                await error.WriteLineAsync($"Usage: petitionbot {Usage}");
                return PetitionBotApp.ConfigError;
        }
    }

    private static async Task<int> MapAsync(IServiceProvider services, ISchoolMaintenance maintenance, string typed, string id, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var directory = services.GetRequiredService<ISchoolDirectory>();
        if (directory.Find(id) is not { } school)
        {
            var near = directory.Resolve(id).Candidates.Take(3).Select(s => s.Id).ToList();
            await error.WriteLineAsync($"There is no school with the id \"{id}\" in the directory" +
                (near.Count > 0 ? $" (closest: {string.Join(", ", near)})." : "."));
            return PetitionBotApp.ConfigError;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var moved = await maintenance.MapAsync(typed, school, ConsoleIdentity.OrganizerKey, time.GetUtcNow(), ct);
        if (moved == 0)
        {
            await error.WriteLineAsync($"No signature has the \"Other\" school \"{typed}\"; nothing was changed (see: petitionbot schools other).");
            return PetitionBotApp.ConfigError;
        }

        await output.WriteLineAsync($"Moved {moved:N0} signature{(moved == 1 ? "" : "s")} from \"Other\" to {school.Name} ({school.Id}).");
        return 0;
    }
}
