namespace PetitionBot.Slack.Api;

/// <summary>files.completeUploadExternal: share the uploaded files into a channel.</summary>
internal sealed record CompleteUploadRequest(IReadOnlyList<UploadedFile> Files, string ChannelId);
