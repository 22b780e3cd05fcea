namespace PetitionBot.Discord.Api;

/// <summary>Label (type 18): the modal's caption around one input. A modal submit returns it with the input in
/// <see cref="Component"/> and no label text.</summary>
internal sealed record LabelPayload(string? Label, ComponentPayload? Component, string? Description = null) : ComponentPayload;
