using PetitionBot.ConsoleUi;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Reports;

namespace PetitionBot.Cli;

/// <summary><c>export --format pdf [--out FILE]</c>: the delivery packet, written like every export (owner only, never over
/// an existing file, by default in exports/ with the time in the name) and audit-logged.</summary>
public static class PacketVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string? campaignId, string? outPath, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var campaign = services.GetRequiredService<CampaignDirectory>().Resolve(campaignId, null, now, out var problem);
        if (campaign is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        if (!string.IsNullOrWhiteSpace(outPath) && File.Exists(outPath))
        {
            await error.WriteLineAsync($"{Path.GetFullPath(outPath)} already exists; an export never replaces a file. Choose another --out, or leave --out away to write to {ExportFiles.DefaultDirectory}/ with the time in the name.");
            return 2;
        }

        var packet = await services.GetRequiredService<PacketExportFlow>()
            .WriteAsync(campaign, ConsoleIdentity.OrganizerKey, null, now, ct);
        var path = string.IsNullOrWhiteSpace(outPath) ? ExportFiles.StampedPath(ExportFiles.DefaultDirectory, packet.File.FileName, now) : outPath;
        var full = await ExportFiles.WriteNewAsync(path, packet.File.Content, ct);
        await output.WriteLineAsync($"Wrote the delivery packet to {full}. {PacketExportFlow.Describe(packet)}");
        await output.WriteLineAsync("This file holds personal data of people at risk: keep it private (only you can read it) and delete copies after delivery.");
        return 0;
    }

    public static async Task<int> UnknownFormatAsync(TextWriter error)
    {
        await error.WriteLineAsync("--format takes csv (the default) or pdf; nothing was exported.");
        return 2;
    }
}
