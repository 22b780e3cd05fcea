using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Rest;

/// <summary>Registers <see cref="CommandCatalog.All"/> by bulk overwrite: per guild when Discord:GuildIds is set, else globally.</summary>
internal sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    /// <summary>False when the token was rejected (401): the adapter must stop.</summary>
    public async Task<bool> RegisterAsync(CancellationToken ct = default)
    {
        var commands = CommandRenderer.Render(CommandCatalog.All);
        var guilds = options.Value.GuildIds.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct().ToList();
        List<string?> scopes = guilds.Count > 0 ? [.. guilds] : [null];
        foreach (var guild in scopes)
        {
            var scope = guild is null ? "global" : "guild";
            var result = await rest.BulkOverwriteCommandsAsync(options.Value.ApplicationId, guild, commands, ct).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                logger.CommandsRegistered(commands.Count, scope);
                continue;
            }

            logger.CommandsFailed(scope, result.StatusCode, result.ErrorCode);
            if (result.Status == HttpStatusCode.Unauthorized)
            {
                return false;
            }
        }

        return true;
    }
}
