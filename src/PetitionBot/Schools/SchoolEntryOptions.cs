namespace PetitionBot.Schools;

/// <summary>One <c>Schools:N</c> entry. For an id the file already has, the fields given replace the file's
/// (aliases are added to the file's).</summary>
public sealed class SchoolEntryOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? State { get; set; }

    public List<string> EmailDomains { get; set; } = [];

    public List<string> Aliases { get; set; } = [];
}
