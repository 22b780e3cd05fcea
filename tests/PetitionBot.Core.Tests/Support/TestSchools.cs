using PetitionBot.Core.Ports;
using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Support;

/// <summary>The shipped directory (the real resolver and data) with a few entries of the flow tests added or overriding
/// by id: a school without a known mail domain.</summary>
public sealed class TestSchools : ISchoolDirectory
{
    private static readonly School[] Extra =
    [
        new("ucdavis", "UC Davis School of Medicine", SchoolKind.MD, "CA", ["ucdavis.edu"], ["UC Davis"]),
        new("umich", "University of Michigan Medical School", SchoolKind.MD, "MI", ["umich.edu"], ["Michigan"]),
        new("nodomain", "Zzyzx Medical College", SchoolKind.MD, "CA", [], []),
    ];

    private readonly SchoolDirectory _inner = new(Schools.ShippedSchools.Directory.All.Where(s => Extra.All(e => e.Id != s.Id)).Concat(Extra));

    public IReadOnlyList<School> All => _inner.All;

    public School? Find(string id) => _inner.Find(id);

    public SchoolMatch Resolve(string typed) => _inner.Resolve(typed);

    public IReadOnlyList<School> Suggest(string query, int max = 25) => _inner.Suggest(query, max);
}
