using System.Globalization;
using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.WebApi;

/// <summary>The Web API methods PetitionBot uses, on top of <see cref="SlackApiClient"/>: each builds its request record
/// and reads its answer record (<see cref="SlackJsonContext"/>).</summary>
internal sealed class SlackWebApi(SlackApiClient client)
{
    /// <summary>The longest a call made while answering a person's action, before its form can open, waits for its pacing
    /// slot (views.open, and the users.info that builds the person's actor): the trigger_id lives 3 s from the action, so
    /// a call held back longer (up to the tier's minute in a burst) would only meet an expired trigger, and would hold a
    /// Socket Mode worker all that time. Such a call goes at once instead; a refusal from Slack is handled as any.</summary>
    internal static readonly TimeSpan TriggerPacingLimit = TimeSpan.FromSeconds(1);

    private static readonly SlackJsonContext Json = SlackJsonContext.Default;

    public SlackApiClient Client => client;

    /// <summary>apps.connections.open with the app-level token → a single-use wss URL.</summary>
    public async Task<(SlackApiResponse Response, Uri? Url)> OpenConnectionAsync(string appToken, CancellationToken ct = default)
    {
        var r = await client.CallFormAsync(new SlackRequestContext("apps.connections.open", appToken), [], Json.ConnectionsOpenResponse, ct).ConfigureAwait(false);
        var url = r.Ok && r.Body?.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed : null;
        return (r, url);
    }

    public Task<SlackApiResponse> PostMessageAsync(SlackToken token, string channel, string text, IReadOnlyList<Block>? blocks, CancellationToken ct = default) =>
        client.CallJsonAsync(new SlackRequestContext("chat.postMessage", token.Value, token.TeamId, channel), new PostMessageRequest(channel, text, blocks), Json.PostMessageRequest, ct);

    public Task<SlackApiResponse> PostEphemeralAsync(SlackToken token, string channel, string user, string text, IReadOnlyList<Block>? blocks, CancellationToken ct = default) =>
        client.CallJsonAsync(new SlackRequestContext("chat.postEphemeral", token.Value, token.TeamId, channel), new PostEphemeralRequest(channel, user, text, blocks), Json.PostEphemeralRequest, ct);

    public Task<SlackApiResponse<ViewResponse>> OpenViewAsync(SlackToken token, string triggerId, View view, CancellationToken ct = default) =>
        client.CallJsonAsync(new SlackRequestContext("views.open", token.Value, token.TeamId, MaxPacingWait: TriggerPacingLimit), new OpenViewRequest(triggerId, view), Json.OpenViewRequest, Json.ViewResponse, ct);

    public Task<SlackApiResponse<ViewResponse>> UpdateViewAsync(SlackToken token, string viewId, View view, CancellationToken ct = default) =>
        client.CallJsonAsync(new SlackRequestContext("views.update", token.Value, token.TeamId), new UpdateViewRequest(viewId, view), Json.UpdateViewRequest, Json.ViewResponse, ct);

    /// <summary>conversations.open for a DM with one user → the DM channel id.</summary>
    public async Task<(SlackApiResponse Response, string? ChannelId)> OpenDirectMessageAsync(SlackToken token, string userId, CancellationToken ct = default)
    {
        var r = await client.CallJsonAsync(
            new SlackRequestContext("conversations.open", token.Value, token.TeamId), new ConversationsOpenRequest(userId), Json.ConversationsOpenRequest, Json.ConversationsOpenResponse, ct).ConfigureAwait(false);
        return (r, r.Body?.Channel?.Id);
    }

    /// <summary>users.info → whether the user is a workspace admin or owner.</summary>
    public async Task<(SlackApiResponse Response, bool IsAdmin)> GetUserAdminAsync(SlackToken token, string userId, CancellationToken ct = default)
    {
        var r = await client.CallFormAsync(new SlackRequestContext("users.info", token.Value, token.TeamId, MaxPacingWait: TriggerPacingLimit), [new("user", userId)], Json.UsersInfoResponse, ct).ConfigureAwait(false);
        var admin = r.Ok && r.Body?.User is { } u && (u.IsAdmin || u.IsOwner || u.IsPrimaryOwner);
        return (r, admin);
    }

    /// <summary>usergroups.list include_users → group id → member ids.</summary>
    public async Task<(SlackApiResponse Response, IReadOnlyDictionary<string, IReadOnlyList<string>> Groups)> ListUserGroupsAsync(SlackToken token, CancellationToken ct = default)
    {
        var r = await client.CallFormAsync(new SlackRequestContext("usergroups.list", token.Value, token.TeamId), [new("include_users", "true")], Json.UserGroupsListResponse, ct).ConfigureAwait(false);
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (r.Ok)
        {
            foreach (var g in r.Body?.Usergroups ?? [])
            {
                if (g.Id is { } id)
                {
                    groups[id] = [.. (g.Users ?? []).Select(x => x ?? string.Empty)];
                }
            }
        }

        return (r, groups);
    }

    /// <summary>files.getUploadURLExternal → POST the bytes → files.completeUploadExternal into <paramref name="channelId"/>.</summary>
    public async Task<SlackApiResponse> UploadFileAsync(SlackToken token, string channelId, string fileName, string contentType, byte[] content, CancellationToken ct = default)
    {
        var url = await client.CallFormAsync(
            new SlackRequestContext("files.getUploadURLExternal", token.Value, token.TeamId),
            [new("filename", fileName), new("length", content.Length.ToString(CultureInfo.InvariantCulture))],
            Json.UploadUrlResponse,
            ct).ConfigureAwait(false);
        if (!url.Ok || url.Body is not { UploadUrl: { } uploadUrl, FileId: { } fileId }
            || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var upload))
        {
            return url.Ok ? SlackApiResponse.Failure("invalid_response") : url;
        }

        var uploaded = await client.UploadAsync(upload, content, contentType, ct).ConfigureAwait(false);
        if (!uploaded.Ok)
        {
            return uploaded;
        }

        return await client.CallJsonAsync(
            new SlackRequestContext("files.completeUploadExternal", token.Value, token.TeamId),
            new CompleteUploadRequest([new UploadedFile(fileId, fileName)], channelId),
            Json.CompleteUploadRequest,
            ct).ConfigureAwait(false);
    }

    /// <summary>oauth.v2.access: exchange an install code for the team's bot token.</summary>
    public Task<SlackApiResponse<OAuthAccessResponse>> OAuthAccessAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("client_id", clientId), new("client_secret", clientSecret), new("code", code) };
        if (redirectUri is not null)
        {
            form.Add(new("redirect_uri", redirectUri));
        }

        return client.CallFormAsync(new SlackRequestContext("oauth.v2.access", null), form, Json.OAuthAccessResponse, ct);
    }
}
