namespace PetitionBot.Discord.Api;

/// <summary>An entry of <c>attachments</c> naming the multipart part <c>files[Id]</c>. The id is sent as a string:
/// the OpenAPI spec types it as a snowflake string, and Discord accepts "0" for <c>files[0]</c>.</summary>
internal sealed record AttachmentRefPayload(string Id, string Filename);
