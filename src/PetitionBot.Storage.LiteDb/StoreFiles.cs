namespace PetitionBot.Storage.LiteDb;

/// <summary>The LiteDB files of one store (<c>x.db</c>, its write-ahead log <c>x-log.db</c>): readable and writable by
/// the owner only (600) in a folder created 700. LiteDB creates its files with the process's default mode, so the data
/// file and the log are created here first (empty files LiteDB accepts as new), and tightened if they already exist;
/// the log, which LiteDB deletes on close and creates again on the next write, is checked after each commit.</summary>
internal sealed class StoreFiles(string dataPath)
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private bool _logChecked;

    public string DataPath { get; } = dataPath;

    public string LogPath { get; } = Path.Combine(Path.GetDirectoryName(dataPath)!, Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath));

    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The exclusive lock file beside the data file; a second process gets <see cref="StoreLockedException"/>.</summary>
    public static FileStream AcquireLock(string path)
    {
        var lockPath = path + ".lock";
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix, released by the OS when the process dies.
            var stream = new FileStream(lockPath, OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return stream;
        }
        catch (IOException ex)
        {
            throw new StoreLockedException(path, ex);
        }
    }

    public static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Owner;
        }

        return options;
    }

    /// <summary>Before LiteDB opens the store: the data file exists with mode 600 (created empty if new).</summary>
    public void PrepareOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(DataPath))
        {
            using var created = new FileStream(DataPath, OwnerOnly(FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite));
        }

        Tighten(DataPath);
        Tighten(LogPath);
    }

    /// <summary>After a commit: the log LiteDB may just have created is made 600 (once per open; LiteDB keeps it open).</summary>
    public void KeepOwnerOnly()
    {
        if (_logChecked || OperatingSystem.IsWindows())
        {
            return;
        }

        _logChecked = Tighten(LogPath);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool Tighten(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (File.GetUnixFileMode(path) != Owner)
        {
            File.SetUnixFileMode(path, Owner);
        }

        return true;
    }
}
