namespace PetitionBot.ConsoleUi;

/// <summary>How the console was started: <c>console --as ROLE [--user NAME]</c>.</summary>
public sealed record ConsoleSettings(ConsoleRole Role, string? User, string ExportDirectory = Reports.ExportFiles.DefaultDirectory);
