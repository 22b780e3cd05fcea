using System.Globalization;

namespace PetitionBot.Reports;

/// <summary>Writes export files on this machine: readable by the owner only (0600, folder 0700), never over an
/// existing file, named with the time of the export so an earlier export stays as it was.</summary>
public static class ExportFiles
{
    /// <summary>The default folder, relative to the working directory (git-ignored in the repository).</summary>
    public const string DefaultDirectory = "exports";

    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary><c>exports/protected-areas-signers-20261204T123700Z.csv</c>: the file name with the UTC time before
    /// its extension, and -2, -3… if two exports fall in the same second.</summary>
    public static string StampedPath(string directory, string fileName, DateTimeOffset now)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName));
        var extension = Path.GetExtension(fileName);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(directory);
        var path = Path.Combine(folder, $"{stem}-{stamp}{extension}");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{stem}-{stamp}-{n}{extension}");
        }

        return path;
    }

    /// <summary>Creates <paramref name="path"/> (and its folder) and writes it; fails with <see cref="IOException"/>
    /// if the file exists. Returns the full path.</summary>
    public static async Task<string> WriteNewAsync(string path, byte[] content, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerFolder);
            }
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        await using var stream = new FileStream(full, options);
        await stream.WriteAsync(content, ct);
        return full;
    }
}
