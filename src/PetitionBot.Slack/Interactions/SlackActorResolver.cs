using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Model;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>Builds the core's <see cref="Actor"/> for a Slack user: the user groups containing them (usergroups.list
/// include_users, cached per team) and whether they are a workspace admin/owner (users.info, cached per user).
/// A failed lookup degrades to "no groups, not admin" (the core then refuses admin actions, which is safe).</summary>
public sealed class SlackActorResolver(SlackWebApi api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackActorResolver> logger)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, IReadOnlyList<string>> Groups, DateTimeOffset At)> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool Admin, DateTimeOffset At)> _admins = new(StringComparer.Ordinal);

    public async Task<Actor> ResolveAsync(SlackToken token, string userId, CancellationToken ct = default)
    {
        var groupsTask = GroupsAsync(token, ct);
        var adminTask = IsAdminAsync(token, userId, ct);
        var groups = await groupsTask.ConfigureAwait(false);
        var admin = await adminTask.ConfigureAwait(false);
        var roles = groups.Where(g => g.Value.Contains(userId, StringComparer.Ordinal)).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
        return new Actor(PlatformKind.Slack, token.TeamId, userId, roles, admin);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GroupsAsync(SlackToken token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_groups.TryGetValue(token.TeamId, out var cached) && now - cached.At < options.Value.DirectoryCacheTtl)
        {
            return cached.Groups;
        }

        var (response, groups) = await api.ListUserGroupsAsync(token, ct).ConfigureAwait(false);
        if (!response.Ok)
        {
            SlackLog.DirectoryFailed(logger, "usergroups.list", token.TeamId, response.Error ?? "unknown");
            return cached.Groups ?? new Dictionary<string, IReadOnlyList<string>>();
        }

        _groups[token.TeamId] = (groups, now);
        return groups;
    }

    private async Task<bool> IsAdminAsync(SlackToken token, string userId, CancellationToken ct)
    {
        var key = token.TeamId + ":" + userId;
        var now = time.GetUtcNow();
        if (_admins.TryGetValue(key, out var cached) && now - cached.At < options.Value.DirectoryCacheTtl)
        {
            return cached.Admin;
        }

        var (response, admin) = await api.GetUserAdminAsync(token, userId, ct).ConfigureAwait(false);
        if (!response.Ok)
        {
            SlackLog.DirectoryFailed(logger, "users.info", token.TeamId, response.Error ?? "unknown");
            return false;
        }

        _admins[key] = (admin, now);
        return admin;
    }
}
