using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PetitionBot.Fakes.Slack;

/// <summary>The Web API methods of the fake Slack: auth, faults, and each method's behaviour; state lives in the server.</summary>
internal sealed class FakeSlackWebApi(FakeSlackServer server)
{
    internal async Task HandleApiAsync(HttpContext ctx, string method, string body)
    {
        var contentType = ctx.Request.ContentType ?? string.Empty;
        JsonNode? json = null;
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            json = JsonNode.Parse(body);
        }
        else
        {
            foreach (var (k, v) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
            {
                form[k] = v.ToString();
            }
        }

        foreach (var (k, v) in ctx.Request.Query)
        {
            form.TryAdd(k, v.ToString());
        }

        var auth = ctx.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
        var team = server._teams.Values.FirstOrDefault(t => t.BotToken == token);
        var call = new FakeSlackApiCall(method, token, team?.Id, contentType, body, json, form, DateTimeOffset.UtcNow, 200, null);
        if (server._slow.TryGetValue(method, out var slow) && slow.TryDequeue(out var delay))
        {
            await Task.Delay(delay, ctx.RequestAborted).ConfigureAwait(false);
        }

        if (server._statusFaults.TryGetValue(method, out var statuses) && statuses.TryDequeue(out var failure) && failure != FakeSlackServer.PassMarker)
        {
            server.Add(server._calls, call with { StatusCode = failure, Error = "http_" + failure.ToString(CultureInfo.InvariantCulture) });
            ctx.Response.StatusCode = failure;
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync("<html>upstream error</html>").ConfigureAwait(false);
            return;
        }

        var (status, response, retryAfter) = Respond(call, team);
        var error = response["ok"]?.GetValue<bool>() == true ? null : response["error"]?.GetValue<string>();
        server.Add(server._calls, call with { StatusCode = status, Error = error });
        ctx.Response.StatusCode = status;
        if (retryAfter > 0)
        {
            ctx.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(response.ToJsonString()).ConfigureAwait(false);
    }

    private (int Status, JsonObject Body, int RetryAfter) Respond(FakeSlackApiCall call, FakeSlackTeam? team)
    {
        if (server._faults.TryGetValue(call.Method, out var faults) && faults.TryDequeue(out var fault) && fault.RetryAfter != FakeSlackServer.PassMarker)
        {
            return fault.Error is null
                ? (429, Error("ratelimited"), fault.RetryAfter)
                : (200, Error(fault.Error), 0);
        }

        if (call.Method == "apps.connections.open")
        {
            if (server.AppTokenRevoked || call.Token != server.AppToken)
            {
                return (200, Error("invalid_auth"), 0);
            }

            var ticket = Guid.NewGuid().ToString("N");
            server._tickets[ticket] = true;
            var ws = new UriBuilder(server.BaseUrl) { Scheme = "ws", Path = "/link/", Query = "ticket=" + ticket };
            return (200, Ok(new JsonObject { ["url"] = ws.Uri.ToString() }), 0);
        }

        if (call.Method == "oauth.v2.access")
        {
            return (200, OAuthAccess(call), 0);
        }

        if (call.Token is null)
        {
            return (200, Error("not_authed"), 0);
        }

        if (team is null)
        {
            return (200, Error("invalid_auth"), 0);
        }

        if (team.TokenRevoked)
        {
            return (200, Error("token_revoked"), 0);
        }

        if (server.RateLimitExceeded(call, team) is { } retryAfter)
        {
            return (429, Error("ratelimited"), retryAfter);
        }

        return (200, Dispatch(call, team), 0);
    }

    private JsonObject Dispatch(FakeSlackApiCall call, FakeSlackTeam team)
    {
        switch (call.Method)
        {
            case "auth.test":
                return Ok(new JsonObject { ["team_id"] = team.Id, ["team"] = team.Name, ["user_id"] = "U0BOT", ["bot_id"] = "B0BOT" });
            case "chat.postMessage":
            case "chat.postEphemeral":
                return PostMessage(call, team);
            case "conversations.open":
                var users = call.Param("users") ?? string.Empty;
                return users.Length == 0 || users.Contains(',', StringComparison.Ordinal)
                    ? Error("invalid_arguments")
                    : team.DirectMessagesBlocked.ContainsKey(users) ? Error("cannot_dm_bot")
                    : Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = FakeSlackServer.DmChannel(users) } });
            case "views.open":
                var trigger = call.Param("trigger_id") ?? string.Empty;
                if (server.ExpireTriggers || !server._triggers.TryRemove(trigger, out var issued) || DateTimeOffset.UtcNow - issued > server.TriggerLifetime)
                {
                    return Error("expired_trigger_id");
                }

                return OpenView("open", call, team, "V" + Interlocked.Increment(ref server._sequence), server._triggerUsers.GetValueOrDefault(trigger));
            case "views.update":
                return call.Param("view_id") is { } viewId ? OpenView("update", call, team, viewId, server.Views.LastOrDefault(x => x.ViewId == viewId)?.UserId) : Error("not_found");
            case "users.info":
                var userId = call.Param("user") ?? string.Empty;
                return team.Users.TryGetValue(userId, out var u)
                    ? Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = team.Id, ["is_admin"] = u.IsAdmin, ["is_owner"] = u.IsOwner } })
                    : Error("user_not_found");
            case "usergroups.list":
                var groups = new JsonArray();
                foreach (var (id, members) in team.UserGroups)
                {
                    groups.Add(new JsonObject { ["id"] = id, ["team_id"] = team.Id, ["users"] = new JsonArray([.. members.Select(m => (JsonNode)JsonValue.Create(m))]) });
                }

                return Ok(new JsonObject { ["usergroups"] = groups });
            case "files.getUploadURLExternal":
                var fileId = "F" + Interlocked.Increment(ref server._sequence);
                server._uploads[fileId] = (team.Id, call.Param("filename") ?? "file", null);
                return Ok(new JsonObject { ["upload_url"] = new Uri(server.BaseUrl, "upload/" + fileId).ToString(), ["file_id"] = fileId });
            case "files.completeUploadExternal":
                return CompleteUpload(call, team);
            default:
                return Error("unknown_method");
        }
    }

    private JsonObject PostMessage(FakeSlackApiCall call, FakeSlackTeam team)
    {
        var channel = call.Param("channel");
        if (string.IsNullOrEmpty(channel))
        {
            return Error("channel_not_found");
        }

        if (team.GoneChannels.ContainsKey(channel))
        {
            return Error("channel_not_found");
        }

        if (team.ArchivedChannels.ContainsKey(channel))
        {
            return Error("is_archived");
        }

        if (team.NotInChannels.ContainsKey(channel))
        {
            return Error("not_in_channel");
        }

        var ephemeral = call.Method == "chat.postEphemeral";
        var user = ephemeral ? call.Param("user") : channel.StartsWith('D') ? channel[1..] : null;
        var blocks = (call.Json as JsonObject)?["blocks"]?.DeepClone();
        server.Add(server._messages, new FakeSlackMessage(ephemeral ? FakeSlackMessage.Ephemeral : FakeSlackMessage.Posted, team.Id, channel, user, call.Param("text") ?? string.Empty, blocks, false, DateTimeOffset.UtcNow));
        var ts = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref server._sequence):D6}";
        return ephemeral ? Ok(new JsonObject { ["message_ts"] = ts }) : Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
    }

    private JsonObject OpenView(string kind, FakeSlackApiCall call, FakeSlackTeam team, string viewId, string? userId = null)
    {
        var view = (call.Json as JsonObject)?["view"]?.DeepClone() as JsonObject
            ?? (call.Param("view") is { } v ? JsonNode.Parse(v) as JsonObject : null);
        if (view is null)
        {
            return Error("invalid_arguments");
        }

        server.Add(server._views, new FakeSlackView(kind, team.Id, viewId, userId, view, DateTimeOffset.UtcNow));
        var answer = view.DeepClone().AsObject();
        answer["id"] = viewId;
        return Ok(new JsonObject { ["view"] = answer });
    }

    private JsonObject CompleteUpload(FakeSlackApiCall call, FakeSlackTeam team)
    {
        var channel = call.Param("channel_id");
        var files = (call.Json as JsonObject)?["files"] as JsonArray
            ?? (call.Param("files") is { } f ? JsonNode.Parse(f) as JsonArray : null);
        if (files is null || files.Count == 0)
        {
            return Error("invalid_arguments");
        }

        var result = new JsonArray();
        foreach (var file in files)
        {
            var id = file?["id"]?.GetValue<string>() ?? string.Empty;
            if (!server._uploads.TryGetValue(id, out var upload) || upload.Content is null || upload.Team != team.Id)
            {
                return Error("file_not_found");
            }

            var title = file?["title"]?.GetValue<string>() ?? upload.Name;
            if (channel is not null)
            {
                server.Add(server._files, new FakeSlackFile(team.Id, channel, channel.StartsWith('D') ? channel[1..] : null, id, upload.Name, title, upload.Content));
            }

            result.Add(new JsonObject { ["id"] = id, ["title"] = title });
        }

        return Ok(new JsonObject { ["files"] = result });
    }

    private JsonObject OAuthAccess(FakeSlackApiCall call)
    {
        if (call.Param("client_id") != server.ClientId || call.Param("client_secret") != server.ClientSecret)
        {
            return Error("invalid_client_id");
        }

        if (call.Param("code") is not { } code || !server._oauthCodes.TryRemove(code, out var grant))
        {
            return Error("invalid_code");
        }

        if (!server._teams.ContainsKey(grant.Team))
        {
            server.AddTeam(grant.Team, grant.Token, grant.Name);
        }

        return Ok(new JsonObject
        {
            ["access_token"] = grant.Token,
            ["token_type"] = "bot",
            ["scope"] = "commands,chat:write",
            ["bot_user_id"] = "U0BOT",
            ["app_id"] = "A0FAKE",
            ["team"] = new JsonObject { ["id"] = grant.Team, ["name"] = grant.Name ?? $"Team {grant.Team}" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
        });
    }

    internal void OnResponseUrl(string id, string body)
    {
        if (!server._responseUrls.TryGetValue(id, out var target))
        {
            return;
        }

        var json = JsonNode.Parse(body) as JsonObject;
        server.Add(server._messages, new FakeSlackMessage(
            FakeSlackMessage.ResponseUrl,
            target.Team,
            target.Channel,
            target.User,
            json?["text"]?.GetValue<string>() ?? string.Empty,
            json?["blocks"]?.DeepClone(),
            json?["replace_original"]?.GetValue<bool>() ?? false,
            DateTimeOffset.UtcNow));
    }

    private static JsonObject Ok(JsonObject body)
    {
        body["ok"] = true;
        return body;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
