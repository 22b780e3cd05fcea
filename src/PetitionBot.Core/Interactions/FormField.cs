namespace PetitionBot.Core.Interactions;

/// <summary>One text input of a form. Labels are at most 45 characters (Discord's limit). <see cref="ValueLabel"/> is how
/// a picker shows a preset <see cref="Value"/> (a school's name for its id); without it the value itself is shown.</summary>
public sealed record FormField(
    string Id,
    string Label,
    int MaxLength,
    bool Required = true,
    bool Multiline = false,
    string? Value = null,
    string? Placeholder = null,
    int MinLength = 0,
    FormFieldKind Kind = FormFieldKind.Text,
    string? ValueLabel = null);
