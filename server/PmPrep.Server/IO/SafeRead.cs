using Microsoft.Win32.SafeHandles;

namespace PmPrep.Server.IO;

/// <summary>Bytes read from a file, or why they were not.</summary>
public readonly record struct ReadOutcome(byte[]? Bytes, string? Error, FileId? Id);

/// <summary>
/// The one way PmPrep reads a file it did not write (stories, `.pmprep.yaml`), in the CLI and the
/// server alike:
/// <list type="bullet">
/// <item>only regular files: a FIFO, device or socket is refused with a reason, without blocking
/// (on Linux the file is opened with O_NONBLOCK and checked with fstat on the open descriptor, so a
/// file swapped between a check and the open cannot slip through);</item>
/// <item>symlinks are followed (the caller decides whether the target is acceptable, see
/// <see cref="DirectoryWalk"/>);</item>
/// <item>the size limit counts the bytes actually read, not the length the file system reports
/// (a device can report 0 and never end).</item>
/// </list>
/// </summary>
public static class SafeRead
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; a longer file is refused, not truncated.</summary>
    public static ReadOutcome ReadBytes(string path, long maxBytes)
    {
        try
        {
            if (Posix.Available) return ReadLinux(path, maxBytes);
            return ReadManaged(path, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new ReadOutcome(null, $"cannot read the file ({ex.Message})", null);
        }
    }

    /// <summary>Reads a UTF-8 text file (a BOM is dropped; invalid bytes become U+FFFD, as File.ReadAllText does).</summary>
    public static (string? Text, string? Error) ReadText(string path, long maxBytes)
    {
        var r = ReadBytes(path, maxBytes);
        if (r.Bytes is null) return (null, r.Error);
        var b = r.Bytes;
        int start = b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
        return (System.Text.Encoding.UTF8.GetString(b, start, b.Length - start), null);
    }

    private static ReadOutcome ReadLinux(string path, long maxBytes)
    {
        int fd = Posix.OpenReadNonBlocking(path, out int errno);
        if (fd < 0) return new ReadOutcome(null, "cannot read the file (" + Errno(errno) + ")", null);
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        int err = Posix.FStat(fd, out var facts);
        if (err != 0) return new ReadOutcome(null, "cannot read the file (" + Errno(err) + ")", null);
        if (facts.Kind != FileKind.Regular) return new ReadOutcome(null, NotRegular(facts.Kind), facts.Id);
        if (facts.Size > maxBytes) return new ReadOutcome(null, TooLarge(facts.Size, maxBytes), facts.Id);
        return Bounded(handle, facts.Size, maxBytes, facts.Id);
    }

    private static ReadOutcome ReadManaged(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target) info = new FileInfo(target.FullName);
        if (!info.Exists) return new ReadOutcome(null, Directory.Exists(info.FullName) ? NotRegular(FileKind.Directory) : "no such file", null);
        if (info.Length > maxBytes) return new ReadOutcome(null, TooLarge(info.Length, maxBytes), null);
        using var handle = File.OpenHandle(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Bounded(handle, info.Length, maxBytes, null);
    }

    /// <summary>Reads up to maxBytes + 1 bytes: one byte past the limit proves the file is too large.</summary>
    private static ReadOutcome Bounded(SafeFileHandle handle, long reported, long maxBytes, FileId? id)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        var buffer = new byte[(int)Math.Min(Math.Max(reported, 0) + 1, maxBytes + 1)];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > maxBytes) return new ReadOutcome(null, TooLarge(filled, maxBytes, atLeast: true), id);
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }
            int n = stream.Read(buffer, filled, buffer.Length - filled);
            if (n <= 0) break;
            filled += n;
        }
        if (filled > maxBytes) return new ReadOutcome(null, TooLarge(filled, maxBytes, atLeast: true), id);
        if (filled != buffer.Length) Array.Resize(ref buffer, filled);
        return new ReadOutcome(buffer, null, id);
    }

    /// <summary>
    /// What the path is (symlinks followed when <paramref name="follow"/>), or null when the
    /// platform cannot say (not Linux) or the path is missing.
    /// </summary>
    public static FileFacts? Stat(string path, bool follow = true) =>
        Posix.Available && Posix.Stat(path, follow, out var f) == 0 ? f : null;

    /// <summary>
    /// A key that is equal for two paths naming the same file: device and inode on Linux (a symlink
    /// and its target, two hard links), the fully resolved path elsewhere.
    /// </summary>
    public static string IdentityKey(string path)
    {
        if (Stat(path) is { } f) return $"{f.Id.Device}:{f.Id.Inode}";
        return RealPath(path) ?? Path.GetFullPath(path);
    }

    /// <summary>The canonical path with every symlink resolved, or null when it cannot be resolved (missing, a loop).</summary>
    public static string? RealPath(string path)
    {
        if (Posix.Available || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            try { return Posix.RealPath(path); }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { }
        }
        try
        {
            var full = Path.GetFullPath(path);
            var info = new FileInfo(full);
            if (info.LinkTarget is not null) return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            return info.Exists || Directory.Exists(full) ? full : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    public static string NotRegular(FileKind kind) => $"not a regular file ({Describe(kind)}); only regular files are read";

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO",
        FileKind.CharDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a directory",
        FileKind.Symlink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "a special file",
    };

    private static string TooLarge(long bytes, long max, bool atLeast = false) =>
        $"the file is {(atLeast ? "over " : "")}{Size(bytes)}; files over {Size(max)} are not read";

    private static string Size(long b) => b >= 1024 * 1024 ? $"{b / (1024.0 * 1024):0.#} MB" : b >= 1024 ? $"{b / 1024.0:0.#} KB" : $"{b} bytes";

    internal static string Errno(int errno) => errno switch
    {
        Posix.ENOENT => "no such file",
        Posix.EACCES => "permission denied",
        Posix.EPERM => "operation not permitted",
        Posix.EROFS => "read-only file system",
        40 => "too many levels of symbolic links",
        _ => "error " + errno,
    };
}
