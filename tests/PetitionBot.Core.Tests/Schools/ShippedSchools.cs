using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

/// <summary>The directory shipped in the repository (linked into the test output), parsed once.</summary>
public static class ShippedSchools
{
    private static readonly Lazy<SchoolDirectory> Lazy = new(() =>
        new SchoolDirectory(SchoolCsv.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schools", "us-medical-schools.csv")))));

    public static SchoolDirectory Directory => Lazy.Value;
}
