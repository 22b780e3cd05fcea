using PetitionBot.Core.Schools;

namespace PetitionBot.Schools;

/// <summary>Builds the directory: the shipped CSV (embedded in the program) or <c>Schools:File</c>, then the
/// <c>Schools</c> entries. Every problem is one line naming the key (and the CSV line).</summary>
public static class SchoolDirectoryLoader
{
    public const string ShippedResource = "PetitionBot.Schools.us-medical-schools.csv";

    public static SchoolDirectory? TryLoad(SchoolOptions options, List<string> errors)
    {
        string text;
        var source = options.File is { } path ? $"Schools:File ({path})" : "the shipped school directory";
        try
        {
            text = options.File is { } file ? File.ReadAllText(file) : ReadShipped();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"Schools:File cannot be read ({ex.GetType().Name}: {ex.Message})");
            return null;
        }

        IReadOnlyList<School> schools;
        try
        {
            schools = SchoolCsv.Parse(text);
        }
        catch (FormatException ex)
        {
            errors.Add($"{source} {ex.Message}");
            return null;
        }

        var byId = schools.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        var order = schools.Select(s => s.Id).ToList();
        for (var i = 0; i < options.Entries.Count; i++)
        {
            var e = options.Entries[i];
            var existing = e.Id is { } id ? byId.GetValueOrDefault(id.Trim()) : null;
            var school = SchoolCsv.Create(
                e.Id,
                e.Name ?? existing?.Name,
                e.Kind ?? existing?.Kind.ToString(),
                e.State ?? existing?.State,
                e.EmailDomains.Count > 0 ? e.EmailDomains : existing?.EmailDomains,
                (existing?.Aliases ?? []).Concat(e.Aliases),
                out var problem);
            if (school is null)
            {
                errors.Add($"Schools:{i}: {problem}");
                continue;
            }

            if (!byId.ContainsKey(school.Id))
            {
                order.Add(school.Id);
            }

            byId[school.Id] = school;
        }

        return errors.Count == 0 ? new SchoolDirectory(order.Select(id => byId[id])) : null;
    }

    private static string ReadShipped()
    {
        using var stream = typeof(SchoolDirectoryLoader).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException("The shipped school directory is missing from the program.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
