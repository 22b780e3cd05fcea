using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>What a server (Discord guild, Slack workspace) configured with /setup, and what the bot knows of it.</summary>
public sealed record ServerSettings(ServerRef Ref)
{
    public string? Name { get; init; }

    /// <summary>False after the bot was removed from the server.</summary>
    public bool Present { get; init; } = true;

    public string? AnnouncementChannelId { get; init; }

    public string? LeaderRoleId { get; init; }

    public string? VerifiedRoleId { get; init; }

    public bool Strict { get; init; }

    public string? School { get; init; }

    /// <summary>The directory id of <see cref="School"/> (null when unset or "Other"; <see cref="School"/> keeps the text).</summary>
    public string? SchoolId { get; init; }

    /// <summary>The key this server's school counts under (see <see cref="Schools.SchoolKeys"/>), or null without a school.</summary>
    public string? SchoolKey => School is { Length: > 0 } || SchoolId is { Length: > 0 } ? Schools.SchoolKeys.For(SchoolId, School) : null;

    public string? DefaultCampaignId { get; init; }

    /// <summary>Set when the announcement channel answered forbidden/gone: posting there is disabled until /setup.</summary>
    public string? ChannelProblem { get; init; }

    /// <summary>The server's admins have not yet been told about <see cref="ChannelProblem"/>.</summary>
    public bool AdminNoticePending { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public ChannelRef? AnnouncementChannel =>
        AnnouncementChannelId is { Length: > 0 } id && Present && ChannelProblem is null
            ? new ChannelRef(Ref.Platform, Ref.ServerId, id)
            : null;
}
