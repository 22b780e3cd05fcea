using System.Net;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Rest;

/// <summary>The outbox port: posts announcements with <c>nonce</c> + <c>enforce_nonce</c> (a retried send is not
/// duplicated) and maps Discord's answers to <see cref="PostOutcome"/>. Pacing per channel bucket is done by the
/// rate-limit handler, so a fan-out runs as fast as the limits allow and no faster.</summary>
internal sealed class DiscordChatPlatform(DiscordRestClient rest) : IChatPlatform
{
    public PlatformKind Platform => PlatformKind.Discord;

    public async Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default)
    {
        var payload = new MessagePayload
        {
            Embeds = [ReplyRenderer.Embed(message.Title, message.Text, message.Progress)],
            Nonce = message.DedupKey.Length <= 25 ? message.DedupKey : message.DedupKey[..25],
            EnforceNonce = true,
        };
        var result = await rest.CreateMessageAsync(channel.ChannelId, payload, ct).ConfigureAwait(false);
        return Map(result);
    }

    public static PostOutcome Map(DiscordRestResult result)
    {
        if (result.IsSuccess)
        {
            return PostOutcome.Delivered;
        }

        var detail = result.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? result.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result switch
        {
            { Status: null } => new PostOutcome(PostStatus.Transient, null, "network"),
            { ErrorCode: DiscordErrorCodes.MissingAccess or DiscordErrorCodes.MissingPermissions } => new PostOutcome(PostStatus.Forbidden, null, detail),
            { ErrorCode: DiscordErrorCodes.UnknownChannel } => new PostOutcome(PostStatus.ChannelGone, null, detail),
            { Status: HttpStatusCode.TooManyRequests } => new PostOutcome(PostStatus.RateLimited, result.RetryAfter ?? TimeSpan.FromSeconds(1), detail),
            { Status: HttpStatusCode.Unauthorized } => new PostOutcome(PostStatus.Unauthorized, null, detail),
            { Status: HttpStatusCode.Forbidden } => new PostOutcome(PostStatus.Forbidden, null, detail),
            { Status: HttpStatusCode.NotFound } => new PostOutcome(PostStatus.ChannelGone, null, detail),
            { StatusCode: >= 500 } or { Status: HttpStatusCode.RequestTimeout } => new PostOutcome(PostStatus.Transient, null, detail),
            _ => new PostOutcome(PostStatus.Rejected, null, detail),
        };
    }
}
