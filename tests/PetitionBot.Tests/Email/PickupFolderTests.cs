using MimeKit;
using PetitionBot.Email;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Email;

/// <summary>The pickup folder holds addresses and codes in plain text: it keeps no message longer than a code's life and
/// a few minutes' grace.</summary>
public sealed class PickupFolderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriteAsync_OlderMessagesPastTheRetention_DeletedNewerAndOtherFilesKept()
    {
        var folder = Path.Combine(_dir.Path, "mail");
        var old = await PickupFolder.WriteAsync(folder, Message(), T0);
        var recent = await PickupFolder.WriteAsync(folder, Message(), T0 + TimeSpan.FromMinutes(5));
        var notes = Path.Combine(folder, "notes.eml");
        await File.WriteAllTextAsync(notes, "kept: not one of ours");

        var latest = await PickupFolder.WriteAsync(folder, Message(), T0 + PickupFolder.Retention + TimeSpan.FromMinutes(1));

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(latest));
        Assert.True(File.Exists(notes));
        Assert.Equal(TimeSpan.FromMinutes(15), PickupFolder.Retention);
    }

    [Fact]
    public async Task WriteAsync_WithinTheRetention_NothingDeleted()
    {
        var folder = Path.Combine(_dir.Path, "mail");
        await PickupFolder.WriteAsync(folder, Message(), T0);

        await PickupFolder.WriteAsync(folder, Message(), T0 + PickupFolder.Retention);

        Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
    }

    [Fact]
    public async Task Start_OldMessagesFromAnEarlierRun_DeletedBeforeAnyCodeIsSent()
    {
        var folder = Path.Combine(_dir.Path, "mail");
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "20200101-000000-0123456789ab.eml");
        var recent = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-0123456789ab.eml");
        File.WriteAllText(old, "To: ana@ucsf.edu");
        File.WriteAllText(recent, "To: ben@ucsf.edu");
        var settings = TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Email:PickupDirectory"] = folder });
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, []) { Overrides = settings });

        await host.StartAsync();
        await host.StopAsync();

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    private static MimeMessage Message()
    {
        var message = new MimeMessage { Subject = "code" };
        message.From.Add(MailboxAddress.Parse("petition@example.org"));
        message.To.Add(MailboxAddress.Parse("ana@ucsf.edu"));
        message.Body = new TextPart("plain") { Text = "123456" };
        return message;
    }
}
