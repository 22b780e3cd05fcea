namespace PetitionBot.Core.Text;

/// <summary>The result of checking one field: the cleaned value, or a message saying what is wrong.</summary>
public sealed record FieldCheck(string? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static FieldCheck Ok(string value) => new(value, null);

    public static FieldCheck Fail(string error) => new(null, error);
}
