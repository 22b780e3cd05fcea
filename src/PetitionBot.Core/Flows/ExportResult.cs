namespace PetitionBot.Core.Flows;

/// <summary>The files of an export and how many signers they cover.</summary>
public sealed record ExportResult(IReadOnlyList<FileAttachment> Files, int Named, int Total);
