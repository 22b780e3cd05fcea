using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PetitionBot.Slack.WebApi;

/// <summary>The Web API methods PetitionBot uses, on top of <see cref="SlackApiClient"/>.</summary>
internal sealed class SlackWebApi(SlackApiClient client)
{
    public SlackApiClient Client => client;

    /// <summary>apps.connections.open with the app-level token → a single-use wss URL.</summary>
    public async Task<(SlackApiResponse Response, Uri? Url)> OpenConnectionAsync(string appToken, CancellationToken ct = default)
    {
        var r = await client.CallFormAsync(new SlackRequestContext("apps.connections.open", appToken), [], ct).ConfigureAwait(false);
        var url = r.Ok && r.GetString("url") is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed : null;
        return (r, url);
    }

    public Task<SlackApiResponse> PostMessageAsync(SlackToken token, string channel, string text, JsonArray? blocks, CancellationToken ct = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        return client.CallJsonAsync(new SlackRequestContext("chat.postMessage", token.Value, token.TeamId, channel), body, ct);
    }

    public Task<SlackApiResponse> PostEphemeralAsync(SlackToken token, string channel, string user, string text, JsonArray? blocks, CancellationToken ct = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        return client.CallJsonAsync(new SlackRequestContext("chat.postEphemeral", token.Value, token.TeamId, channel), body, ct);
    }

    public Task<SlackApiResponse> OpenViewAsync(SlackToken token, string triggerId, JsonObject view, CancellationToken ct = default) =>
        client.CallJsonAsync(new SlackRequestContext("views.open", token.Value, token.TeamId), new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ct);

    public Task<SlackApiResponse> UpdateViewAsync(SlackToken token, string viewId, JsonObject view, CancellationToken ct = default) =>
        client.CallJsonAsync(new SlackRequestContext("views.update", token.Value, token.TeamId), new JsonObject { ["view_id"] = viewId, ["view"] = view }, ct);

    /// <summary>conversations.open for a DM with one user → the DM channel id.</summary>
    public async Task<(SlackApiResponse Response, string? ChannelId)> OpenDirectMessageAsync(SlackToken token, string userId, CancellationToken ct = default)
    {
        var r = await client.CallJsonAsync(new SlackRequestContext("conversations.open", token.Value, token.TeamId), new JsonObject { ["users"] = userId }, ct).ConfigureAwait(false);
        return (r, r.GetString("channel", "id"));
    }

    /// <summary>users.info → whether the user is a workspace admin or owner.</summary>
    public async Task<(SlackApiResponse Response, bool IsAdmin)> GetUserAdminAsync(SlackToken token, string userId, CancellationToken ct = default)
    {
        var r = await client.CallFormAsync(new SlackRequestContext("users.info", token.Value, token.TeamId), [new("user", userId)], ct).ConfigureAwait(false);
        var admin = r.Ok && r.Body.TryGetProperty("user", out var u) && (IsTrue(u, "is_admin") || IsTrue(u, "is_owner") || IsTrue(u, "is_primary_owner"));
        return (r, admin);
    }

    /// <summary>usergroups.list include_users → group id → member ids.</summary>
    public async Task<(SlackApiResponse Response, IReadOnlyDictionary<string, IReadOnlyList<string>> Groups)> ListUserGroupsAsync(SlackToken token, CancellationToken ct = default)
    {
        var r = await client.CallFormAsync(new SlackRequestContext("usergroups.list", token.Value, token.TeamId), [new("include_users", "true")], ct).ConfigureAwait(false);
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (r.Ok && r.Body.TryGetProperty("usergroups", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var g in list.EnumerateArray())
            {
                if (g.TryGetProperty("id", out var id) && id.GetString() is { } gid)
                {
                    groups[gid] = g.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.Array
                        ? [.. users.EnumerateArray().Select(x => x.GetString() ?? string.Empty)]
                        : [];
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
            ct).ConfigureAwait(false);
        if (!url.Ok || url.GetString("upload_url") is not { } uploadUrl || url.GetString("file_id") is not { } fileId
            || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var upload))
        {
            return url.Ok ? SlackApiResponse.Failure("invalid_response") : url;
        }

        var uploaded = await client.UploadAsync(upload, content, contentType, ct).ConfigureAwait(false);
        if (!uploaded.Ok)
        {
            return uploaded;
        }

        var body = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = fileName }),
            ["channel_id"] = channelId,
        };
        return await client.CallJsonAsync(new SlackRequestContext("files.completeUploadExternal", token.Value, token.TeamId), body, ct).ConfigureAwait(false);
    }

    /// <summary>oauth.v2.access: exchange an install code for the team's bot token.</summary>
    public Task<SlackApiResponse> OAuthAccessAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("client_id", clientId), new("client_secret", clientSecret), new("code", code) };
        if (redirectUri is not null)
        {
            form.Add(new("redirect_uri", redirectUri));
        }

        return client.CallFormAsync(new SlackRequestContext("oauth.v2.access", null), form, ct);
    }

    private static bool IsTrue(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
