using PetitionBot.ConsoleUi;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;

namespace PetitionBot.Cli;

/// <summary><c>totals</c> and <c>export --out FILE</c>: one-shot verbs over the store, acting as a local organizer.</summary>
public static class CliVerbs
{
    public static async Task<int> TotalsAsync(IServiceProvider services, string? campaign, TextWriter output, CancellationToken ct = default)
    {
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

    public static async Task<int> ExportAsync(IServiceProvider services, string? campaignId, string? outPath, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(outPath))
        {
            await error.WriteLineAsync("export needs --out FILE (the CSV of named signers; the school counts go beside it).");
            return 2;
        }

        var directory = services.GetRequiredService<CampaignDirectory>();
        var time = services.GetRequiredService<TimeProvider>();
        var campaign = directory.Resolve(campaignId, null, time.GetUtcNow(), out var problem);
        if (campaign is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        var result = await services.GetRequiredService<ExportFlow>()
            .ExportFilesAsync(campaign, ConsoleIdentity.OrganizerKey, null, time.GetUtcNow(), ct);
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var signers = result.Files[0];
        await File.WriteAllBytesAsync(full, signers.Content, ct);
        var written = new List<string> { full };
        foreach (var extra in result.Files.Skip(1))
        {
            var path = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-" + SuffixOf(extra.FileName) + Path.GetExtension(extra.FileName));
            await File.WriteAllBytesAsync(path, extra.Content, ct);
            written.Add(path);
        }

        await output.WriteLineAsync($"Exported {result.Named:N0} named signers ({result.Total:N0} in all) to {string.Join(" and ", written)}.");
        await output.WriteLineAsync("This file holds personal data of people at risk: keep it private and delete copies after delivery.");
        return 0;
    }

    private static string SuffixOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var dash = name.LastIndexOf('-');
        return dash < 0 ? name : name[(dash + 1)..];
    }
}
