using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Gateway;

namespace PetitionBot.Discord.Interactions;

/// <summary>Runs on the workers: reads each gateway dispatch the adapter handles into its typed data and routes it to
/// the core. A dispatch whose data does not have Discord's shape is logged (event name and JSON path, no values) and
/// skipped.</summary>
internal sealed class DiscordEventHandler(IPetitionBot bot, InteractionHandler interactions, ILogger<DiscordEventHandler> logger)
{
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct = default)
    {
        switch (dispatch.EventName)
        {
            case "INTERACTION_CREATE" when Read(dispatch, DiscordJsonContext.Default.InteractionEvent) is { } interaction:
                await interactions.HandleAsync(interaction, dispatch.ReceivedAt, null, ct).ConfigureAwait(false);
                break;
            case "GUILD_CREATE" when Read(dispatch, DiscordJsonContext.Default.GuildEvent) is { Id: { } guildId, Unavailable: not true } guild:
                logger.GuildChanged(guildId, "joined");
                await bot.ServerJoinedAsync(new ServerRef(PlatformKind.Discord, guildId), guild.Name, ct).ConfigureAwait(false);
                break;
            case "GUILD_DELETE" when Read(dispatch, DiscordJsonContext.Default.GuildEvent) is { Id: { } guildId, Unavailable: null }:
                logger.GuildChanged(guildId, "left");
                await bot.ServerLeftAsync(new ServerRef(PlatformKind.Discord, guildId), ct).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private TData? Read<TData>(GatewayDispatch dispatch, JsonTypeInfo<GatewayPayload<TData>> type)
        where TData : class
    {
        try
        {
            return JsonSerializer.Deserialize(dispatch.Payload, type)?.D;
        }
        catch (JsonException ex)
        {
            logger.EventMalformed(dispatch.EventName, ex.Path ?? "$");
            return null;
        }
    }
}
