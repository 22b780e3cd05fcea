using PetitionBot.ConsoleUi;
using PetitionBot.Core.Ports;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Cli;

/// <summary><c>petitionbot schools other</c> lists the "Other" school texts with their counts;
/// <c>petitionbot schools map "&lt;typed&gt;" &lt;id&gt;</c> moves those signatures (and totals) to a directory school, audited.</summary>
public static class SchoolsVerb
{
    public const string Verb = "schools";
    public const string Usage = "schools other | schools map \"<typed school>\" <school id>";
    private const string ArgFlag = "schools:";

    /// <summary>Takes the verb's own words (up to three, before any <c>--Key=value</c>) out of the configuration arguments.</summary>
    public static CommandLine Split(CommandLine cli)
    {
        var words = cli.ConfigArgs.TakeWhile(a => !a.StartsWith('-')).Take(3).ToList();
        var flags = new Dictionary<string, string>(cli.Flags, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            flags[ArgFlag + i] = words[i];
        }

        return cli with { Flags = flags, ConfigArgs = cli.ConfigArgs.Skip(words.Count).ToArray() };
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> flags, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var words = Enumerable.Range(0, 3).Select(i => flags.GetValueOrDefault(ArgFlag + i)).Where(w => w is not null).Select(w => w!).ToList();
        var maintenance = services.GetRequiredService<LiteDbSchoolMaintenance>();
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

    private static async Task<int> MapAsync(IServiceProvider services, LiteDbSchoolMaintenance maintenance, string typed, string id, TextWriter output, TextWriter error, CancellationToken ct)
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
