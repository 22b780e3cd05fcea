using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

/// <summary>Each distinct typed text is resolved once; what comes back the second time is what the first time gave, and
/// the memo stays within its bound.</summary>
public sealed class SchoolResolutionMemoTests
{
    [Fact]
    public void Resolve_SameTextTwice_ResolvedOnceAndTheSameAnswer()
    {
        var directory = NewDirectory();

        var first = directory.Resolve("Bench School 7");
        var second = directory.Resolve("Bench School 7");

        Assert.Same(first, second);
    }

    [Fact]
    public void Resolve_TextsInAnyOrderWithRepeats_SameAsAFreshDirectoryEachTime()
    {
        var directory = NewDirectory();
        string[] texts = ["UCSF", "ucsf", "Harvard Medical School", "Bench School 3", "Stanford", "Unversity of Michigan", "", "Osteopathic"];
        var random = new Random(11);
        for (var n = 0; n < 200; n++)
        {
            var typed = texts[random.Next(texts.Length)];
            var expected = NewDirectory().Resolve(typed);
            var match = directory.Resolve(typed);
            Assert.Equal(expected.Kind, match.Kind);
            Assert.Equal(expected.School?.Id, match.School?.Id);
            Assert.Equal(expected.Candidates.Select(s => s.Id), match.Candidates.Select(s => s.Id));
        }
    }

    [Fact]
    public void GetOrAdd_MoreTextsThanCapacity_StaysWithinCapacity()
    {
        var memo = new SchoolResolutionMemo();
        var calls = 0;
        for (var n = 0; n < SchoolResolutionMemo.Capacity + 10; n++)
        {
            memo.GetOrAdd("school " + n, _ =>
            {
                calls++;
                return new SchoolMatch(SchoolMatchKind.Unknown, null, []);
            });
        }

        Assert.Equal(SchoolResolutionMemo.Capacity + 10, calls);
        Assert.InRange(memo.Count, 1, SchoolResolutionMemo.Capacity);
    }

    private static SchoolDirectory NewDirectory() => new(ShippedSchools.Directory.All);
}
