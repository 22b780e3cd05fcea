namespace PetitionBot.Core.Interactions;

/// <summary>A file delivered privately with a reply: the export CSV, the totals chart.</summary>
public sealed record FileAttachment(string FileName, string ContentType, byte[] Content);
