using System.Globalization;
using Microsoft.Extensions.Options;

namespace PetitionBot.Schools;

/// <summary>Binds <see cref="SchoolOptions"/>: <c>Schools:File</c>, and every numbered child of <c>Schools</c> as an entry.</summary>
internal sealed class SchoolOptionsSetup(IConfiguration configuration) : IConfigureOptions<SchoolOptions>
{
    public void Configure(SchoolOptions options) => Bind(configuration, options);

    public static void Bind(IConfiguration configuration, SchoolOptions options)
    {
        var section = configuration.GetSection(SchoolOptions.SectionName);
        options.File = section["File"] is { Length: > 0 } file ? file : null;
        options.Entries = section.GetChildren()
            .Where(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture))
            .Select(c => c.Get<SchoolEntryOptions>() ?? new SchoolEntryOptions())
            .ToList();
    }
}
