namespace PetitionBot.Slack.Api;

/// <summary>The answer of files.getUploadURLExternal: where to POST the bytes, and the file's id.</summary>
internal sealed record UploadUrlResponse : SlackApiBody
{
    public string? UploadUrl { get; init; }

    public string? FileId { get; init; }
}
