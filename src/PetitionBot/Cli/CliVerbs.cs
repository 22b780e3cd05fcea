using PetitionBot.ConsoleUi;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Reports;

namespace PetitionBot.Cli;

/// <summary><c>totals</c> and <c>export --out FILE</c>: one-shot verbs over the store, acting as a local organizer.</summary>
public static class CliVerbs
{
    public static async Task<int> TotalsAsync(IServiceProvider services, string? campaign, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var time = services.GetRequiredService<TimeProvider>();
        if (services.GetRequiredService<CampaignDirectory>().Resolve(campaign, null, time.GetUtcNow(), out var problem) is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        var bot = services.GetRequiredService<IPetitionBot>();
        var options = new Dictionary<string, string>();
        if (campaign is not null)
        {
            options[CommandCatalog.CampaignOption] = campaign;
        }

        var reply = await bot.HandleAsync(new CommandInput(ConsoleIdentity.ActorFor(ConsoleRole.Organizer, null), null, CommandCatalog.Totals, options), ct);
        ConsoleRenderer.Render(reply with { Choices = [] }, output);
        return 0;
    }

    /// <summary>Writes the signers CSV to <paramref name="outPath"/> (the school counts beside it), or with no path to
    /// exports/ with the time in the names. Files are the owner's only (0600); an existing file is never replaced.</summary>
    public static async Task<int> ExportAsync(IServiceProvider services, string? campaignId, string? outPath, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var directory = services.GetRequiredService<CampaignDirectory>();
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var campaign = directory.Resolve(campaignId, null, now, out var problem);
        if (campaign is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        var result = await services.GetRequiredService<ExportFlow>()
            .ExportFilesAsync(campaign, ConsoleIdentity.OrganizerKey, null, now, ct);
        var paths = new List<string>();
        if (string.IsNullOrWhiteSpace(outPath))
        {
            paths.AddRange(result.Files.Select(f => ExportFiles.StampedPath(ExportFiles.DefaultDirectory, f.FileName, now)));
        }
        else
        {
            var full = Path.GetFullPath(outPath);
            paths.Add(full);
            paths.AddRange(result.Files.Skip(1).Select(extra =>
                Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-" + SuffixOf(extra.FileName) + Path.GetExtension(extra.FileName))));
        }

        if (paths.FirstOrDefault(File.Exists) is { } existing)
        {
            await error.WriteLineAsync($"{existing} already exists; an export never replaces a file. Choose another --out, or leave --out away to write to {ExportFiles.DefaultDirectory}/ with the time in the name.");
            return 2;
        }

        for (var i = 0; i < paths.Count; i++)
        {
            await ExportFiles.WriteNewAsync(paths[i], result.Files[i].Content, ct);
        }

        await output.WriteLineAsync($"Exported {result.Named:N0} named signers ({result.Total:N0} in all) to {string.Join(" and ", paths)}.");
        await output.WriteLineAsync("This file holds personal data of people at risk: keep it private (only you can read it) and delete copies after delivery.");
        return 0;
    }

    private static string SuffixOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var dash = name.LastIndexOf('-');
        return dash < 0 ? name : name[(dash + 1)..];
    }
}
