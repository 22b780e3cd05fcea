namespace PetitionBot.Fakes.Slack;

/// <summary>A file shared through files.completeUploadExternal. <paramref name="UserId"/> is set when the channel is a DM.</summary>
public sealed record FakeSlackFile(string TeamId, string ChannelId, string? UserId, string FileId, string FileName, string Title, byte[] Content);
