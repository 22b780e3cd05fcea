using System.Text;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>The sign flow against a database file: what ends up in the bytes, and concurrent presses.</summary>
public sealed class SignFlowStorageTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pb-core-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Sign_CountedOnlyThroughTheFlow_FileBytesHoldNoNameAndNoUserId()
    {
        const string name = "Citlali Tonantzin Huerta";
        const string userId = "314159265358979323";
        var storage = new StorageOptions { Path = Path.Combine(directory, "bot.db") };
        var actor = BotHarness.Student(userId);
        using (var bot = new BotHarness(storage: storage))
        {
            var named = await bot.FillAsync(BotHarness.Student("2718"), name: name, school: "Zzyzx Medical College");
            Assert.Contains(name, named.Text, StringComparison.Ordinal);
            await bot.PressAsync(BotHarness.Student("2718"), named, "Cancel");
            var confirm = await bot.FillAsync(actor, school: "Zzyzx Medical College", named: false);
            Assert.DoesNotContain(name, confirm.Text, StringComparison.Ordinal);
            var done = await bot.PressAsync(actor, confirm, "Sign, counted only");
            Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
            await bot.CommandAsync(actor, CommandCatalog.MyData);
            bot.Context.Checkpoint();
        }

        var bytes = Directory.GetFiles(directory)
            .Where(f => !f.EndsWith(".key", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
            .SelectMany(File.ReadAllBytes).ToArray();

        Assert.True(Contains(bytes, "Zzyzx Medical College"), "sanity: the school is stored in clear");
        Assert.False(Contains(bytes, name));
        Assert.False(Contains(bytes, "Citlali"));
        Assert.False(Contains(bytes, userId));
    }

    [Fact]
    public async Task Sign_VerifiedBySchoolEmail_FileBytesHoldNeitherTheAddressNorTheCode()
    {
        const string address = "citlali.huerta@ucsf.edu";
        string code;
        var actor = BotHarness.Student("271828182845904523");
        using (var bot = new BotHarness(o => o.Campaigns[0].Verification = "email-required", new StorageOptions { Path = Path.Combine(directory, "bot.db") }))
        {
            var form = await bot.PressAsync(actor, await bot.FillAsync(actor, school: "UCSF", named: false), "Verify my school email");
            var sent = await bot.SubmitAsync(actor, form, ("email", address));
            bot.Context.Checkpoint();
            Assert.False(FileHolds("citlali"), "the pending address is only in the encrypted draft");
            code = bot.Mailer.LastCode;
            var done = await bot.SubmitAsync(actor, await bot.PressAsync(actor, sent, "Enter code"), ("code", code));
            Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
            bot.Context.Checkpoint();
        }

        Assert.False(FileHolds("citlali"));
        Assert.False(FileHolds(address));
    }

    private bool FileHolds(string text) => Directory.GetFiles(directory)
        .Where(f => !f.EndsWith(".key", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
        .Any(f => Contains(File.ReadAllBytes(f), text));

    [Fact]
    public async Task Confirm_PressedEightTimesAtOnce_SignsOnce()
    {
        using var bot = new BotHarness(storage: new StorageOptions { Path = Path.Combine(directory, "bot.db") });
        var actor = BotHarness.Student();
        var confirm = await bot.FillAsync(actor);
        var token = confirm.Choices.Single(c => c.Label == "Sign with my name").Token;

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bot.Bot.HandleAsync(ChoiceInput.Button(actor, null, token)))));

        Assert.Single(replies, r => r.Text.StartsWith("Signed", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Text.Contains("went wrong", StringComparison.Ordinal));
        Assert.Equal(1, (await bot.StatsAsync()).Total);
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 ||
        haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;
}
