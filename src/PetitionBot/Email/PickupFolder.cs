using System.Globalization;
using System.Security.Cryptography;
using MimeKit;
using PetitionBot.Core.Flows;

namespace PetitionBot.Email;

/// <summary><c>Email:PickupDirectory</c>: each message an owner-only <c>.eml</c> file in an owner-only folder, named by the
/// time it was written. A file holds an address and a code in plain text, so files older than a code's life (and a few
/// minutes' grace) are deleted whenever another is written, and at start (<see cref="PickupSweepService"/>).</summary>
internal static class PickupFolder
{
    public static readonly TimeSpan Retention = EmailCodeStep.CodeLifetime + TimeSpan.FromMinutes(5);

    private const string StampFormat = "yyyyMMdd-HHmmss";

    public static async Task<string> WriteAsync(string directory, MimeMessage message, DateTimeOffset now, CancellationToken ct = default)
    {
        var folder = Path.GetFullPath(directory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var name = $"{now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}.eml";
        var path = Path.Combine(folder, name);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, fileOptions))
        {
            await message.WriteToAsync(stream, ct);
        }

        Sweep(folder, now);
        return path;
    }

    /// <summary>Deletes this folder's messages written more than <see cref="Retention"/> before <paramref name="now"/>
    /// (by the time in their names, so the bot's clock decides). Other files are left alone. Returns how many went.</summary>
    public static int Sweep(string folder, DateTimeOffset now)
    {
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var name = Path.GetFileName(file);
            if (name.Length > StampFormat.Length &&
                DateTime.TryParseExact(name[..StampFormat.Length], StampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var written) &&
                now.UtcDateTime - written > Retention)
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Open elsewhere, or already gone: the next write tries again.
                    continue;
                }

                deleted++;
            }
        }

        return deleted;
    }
}
