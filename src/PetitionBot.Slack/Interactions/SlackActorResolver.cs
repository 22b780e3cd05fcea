using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>Builds the core's <see cref="Actor"/> for a Slack user: the user groups containing them (usergroups.list
/// include_users, cached per team) and whether they are a workspace admin/owner (users.info, cached per user).
/// A failed lookup degrades to "no groups, not admin" (the core then refuses admin actions, which is safe).</summary>
internal sealed class SlackActorResolver(SlackWebApi api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackActorResolver> logger)
{
    private readonly ConcurrentDictionary<string, GroupsEntry> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool Admin, DateTimeOffset At)> _admins = new(StringComparer.Ordinal);

    public async Task<Actor> ResolveAsync(SlackToken token, string userId, CancellationToken ct = default)
    {
        var groupsTask = GroupsAsync(token, ct);
        var adminTask = IsAdminAsync(token, userId, ct);
        var groups = await groupsTask.ConfigureAwait(false);
        var admin = await adminTask.ConfigureAwait(false);
        var roles = groups.Where(g => g.Value.Contains(userId, StringComparer.Ordinal)).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
        return SlackIdentityScheme.ActorFor(token.TeamId, userId, roles, admin);
    }

    /// <summary>One usergroups.list per team at a time (Tier 2): concurrent commands share the call in flight, and
    /// the answer is reused for <see cref="SlackOptions.DirectoryCacheTtl"/>. A failure is not cached.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GroupsAsync(SlackToken token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ttl = options.Value.DirectoryCacheTtl;
        var entry = _groups.AddOrUpdate(
            token.TeamId,
            _ => new GroupsEntry(new Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?>>(() => LoadGroupsAsync(token, ct)), now),
            (_, old) => old.Load.Value.IsCompleted && (now - old.At >= ttl || old.Load.Value.IsFaulted || old.Failed)
                ? new GroupsEntry(new Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?>>(() => LoadGroupsAsync(token, ct)), now)
                : old);
        var groups = await entry.Load.Value.ConfigureAwait(false);
        if (groups is null)
        {
            entry.Failed = true;
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        return groups;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> LoadGroupsAsync(SlackToken token, CancellationToken ct)
    {
        var (response, groups) = await api.ListUserGroupsAsync(token, ct).ConfigureAwait(false);
        if (!response.Ok)
        {
            SlackLog.DirectoryFailed(logger, "usergroups.list", token.TeamId, response.Error ?? "unknown");
            return null;
        }

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

    private sealed class GroupsEntry(Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?>> load, DateTimeOffset at)
    {
        public Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?>> Load => load;

        public DateTimeOffset At => at;

        public bool Failed { get; set; }
    }
}
