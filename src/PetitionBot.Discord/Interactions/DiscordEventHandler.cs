using System.Text.Json;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Gateway;

namespace PetitionBot.Discord.Interactions;

/// <summary>Runs on the workers: routes each gateway dispatch to the core.</summary>
internal sealed class DiscordEventHandler(IPetitionBot bot, InteractionHandler interactions, ILogger<DiscordEventHandler> logger)
{
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct = default)
    {
        var d = dispatch.Data;
        switch (dispatch.EventName)
        {
            case "INTERACTION_CREATE":
                await interactions.HandleAsync(d, dispatch.ReceivedAt, null, ct).ConfigureAwait(false);
                break;
            case "GUILD_CREATE" when Id(d) is { } guildId && !Unavailable(d):
                logger.GuildChanged(guildId, "joined");
                var name = d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                await bot.WorkspaceJoinedAsync(new WorkspaceRef(PlatformKind.Discord, guildId), name, ct).ConfigureAwait(false);
                break;
            case "GUILD_DELETE" when Id(d) is { } guildId && !d.TryGetProperty("unavailable", out _):
                logger.GuildChanged(guildId, "left");
                await bot.WorkspaceLeftAsync(new WorkspaceRef(PlatformKind.Discord, guildId), ct).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private static string? Id(JsonElement d) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static bool Unavailable(JsonElement d) =>
        d.TryGetProperty("unavailable", out var u) && u.ValueKind == JsonValueKind.True;
}
