namespace PetitionBot.Schools;

/// <summary><c>Schools:File</c> (a CSV replacing the shipped directory) and the <c>Schools:N</c> entries that add
/// schools or override one by <c>Id</c>. Bound by <see cref="SchoolOptionsSetup"/> (the list and the file key share
/// the <c>Schools</c> section).</summary>
public sealed class SchoolOptions
{
    public const string SectionName = "Schools";

    public string? File { get; set; }

    public List<SchoolEntryOptions> Entries { get; set; } = [];
}
