namespace PetitionBot.Slack.Api;

/// <summary>A file of files.completeUploadExternal: its id and title.</summary>
internal sealed record UploadedFile(string Id, string Title);
