namespace PetitionBot.Discord.Rendering;

/// <summary>An entry of <c>attachments</c> naming the multipart part <c>files[Id]</c>.</summary>
internal sealed record AttachmentRefPayload(int Id, string Filename);
