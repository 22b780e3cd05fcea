using PetitionBot.ConsoleUi;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;

namespace PetitionBot.Cli;

/// <summary><c>export --format pdf --out FILE</c>: the delivery packet, written readable by its owner only (0600) and
/// audit-logged like every export.</summary>
public static class PacketVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string? campaignId, string? outPath, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(outPath))
        {
            await error.WriteLineAsync("export --format pdf needs --out FILE (where to write the delivery packet).");
            return 2;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var campaign = services.GetRequiredService<CampaignDirectory>().Resolve(campaignId, null, time.GetUtcNow(), out var problem);
        if (campaign is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        var packet = await services.GetRequiredService<PacketExportFlow>()
            .WriteAsync(campaign, ConsoleIdentity.OrganizerKey, null, time.GetUtcNow(), ct);
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await WritePrivateAsync(full, packet.File.Content, ct);
        await output.WriteLineAsync($"Wrote the delivery packet to {full}. {PacketExportFlow.Describe(packet)}");
        await output.WriteLineAsync("This file holds personal data of people at risk: keep it private and delete copies after delivery.");
        return 0;
    }

    public static async Task<int> UnknownFormatAsync(TextWriter error)
    {
        await error.WriteLineAsync("--format takes csv (the default) or pdf; nothing was exported.");
        return 2;
    }

    /// <summary>Writes the file so only its owner can read it (on Unix, 0600 from creation; an existing file is narrowed too).</summary>
    internal static async Task WritePrivateAsync(string path, byte[] content, CancellationToken ct = default)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        {
            await stream.WriteAsync(content, ct);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
