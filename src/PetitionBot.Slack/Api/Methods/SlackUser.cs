namespace PetitionBot.Slack.Api;

/// <summary>A user as users.info answers (only the admin flags are read).</summary>
internal sealed record SlackUser
{
    public string? Id { get; init; }

    public bool IsAdmin { get; init; }

    public bool IsOwner { get; init; }

    public bool IsPrimaryOwner { get; init; }
}
