using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PmPrep.Server.IO;

/// <summary>What a path names, as lstat/stat/fstat would say.</summary>
public enum FileKind { Missing, Regular, Directory, Symlink, Fifo, CharDevice, BlockDevice, Socket, Other }

/// <summary>A file's identity: the device and inode it lives on (two paths with one identity are one file).</summary>
public readonly record struct FileId(ulong Device, ulong Inode);

/// <summary>The facts about one file that the safe read and write paths decide on.</summary>
public sealed record FileFacts(FileKind Kind, long Size, UnixFileMode Mode, uint Uid, uint Gid, uint Links, FileId Id);

/// <summary>
/// The few libc calls .NET has no public API for: statx (file type, inode, link count, owner),
/// open with O_NONBLOCK (a FIFO must not block the open), access(2), fchown, realpath. Linux only
/// for statx (its struct layout is the same on every architecture); <see cref="Available"/> is false
/// elsewhere and callers use the managed fallbacks in <see cref="SafeRead"/>. Source-generated
/// (<c>LibraryImport</c>), so Native AOT needs no runtime marshalling.
/// </summary>
internal static partial class Posix
{
    private const string Libc = "libc";
    private const int AT_FDCWD = -100;
    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_BASIC_STATS = 0x7ff;
    public const int EACCES = 13, EPERM = 1, ENOENT = 2, EROFS = 30;

    // The same values on every Linux architecture (x86-64, arm64, arm, riscv).
    private const int O_RDONLY = 0, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    private const int W_OK = 2;

    public static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try
        {
            return Stat("/", follow: true, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport(Libc, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(Libc, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close")]
    private static partial int close(int fd);

    [LibraryImport(Libc, EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);

    [LibraryImport(Libc, EntryPoint = "fchown", SetLastError = true)]
    private static partial int fchown(int fd, uint uid, uint gid);

    [LibraryImport(Libc, EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport(Libc, EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint realpath(string path, nint resolved);

    [LibraryImport(Libc, EntryPoint = "free")]
    private static partial void free(nint p);

    /// <summary>stat (follow) or lstat of a path; 0 or an errno.</summary>
    public static int Stat(string path, bool follow, out FileFacts facts) =>
        StatCore(AT_FDCWD, path, follow ? 0 : AT_SYMLINK_NOFOLLOW, out facts);

    /// <summary>fstat of an open descriptor.</summary>
    public static int FStat(int fd, out FileFacts facts) => StatCore(fd, "", AT_EMPTY_PATH, out facts);

    private static unsafe int StatCore(int dirfd, string path, int flags, out FileFacts facts)
    {
        byte* buf = stackalloc byte[256];
        new Span<byte>(buf, 256).Clear();
        if (statx(dirfd, path, flags, STATX_BASIC_STATS, buf) != 0)
        {
            facts = null!;
            return Marshal.GetLastPInvokeError();
        }
        var s = new ReadOnlySpan<byte>(buf, 256);
        uint links = BinaryPrimitives.ReadUInt32LittleEndian(s[16..]);
        uint uid = BinaryPrimitives.ReadUInt32LittleEndian(s[20..]);
        uint gid = BinaryPrimitives.ReadUInt32LittleEndian(s[24..]);
        ushort mode = BinaryPrimitives.ReadUInt16LittleEndian(s[28..]);
        ulong ino = BinaryPrimitives.ReadUInt64LittleEndian(s[32..]);
        long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(s[40..]);
        ulong devMajor = BinaryPrimitives.ReadUInt32LittleEndian(s[136..]);
        ulong devMinor = BinaryPrimitives.ReadUInt32LittleEndian(s[140..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        facts = new FileFacts(kind, size, (UnixFileMode)(mode & 0xFFF), uid, gid, links, new FileId((devMajor << 32) | devMinor, ino));
        return 0;
    }

    /// <summary>open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC): a FIFO without a writer does not block it.</summary>
    public static int OpenReadNonBlocking(string path, out int errno)
    {
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd;
    }

    public static void Close(int fd) => close(fd);

    /// <summary>access(path, W_OK): checked as the real user, as access(2) does; 0 or an errno.</summary>
    public static int CanWrite(string path) => access(path, W_OK) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static int FChown(SafeHandle handle, uint uid, uint gid)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return fchown((int)handle.DangerousGetHandle(), uid, gid) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Flushes a directory's entries (the rename) to disk; best effort.</summary>
    public static void FsyncDirectory(string dir)
    {
        int fd = open(dir, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        fsync(fd);
        close(fd);
    }

    /// <summary>The canonical absolute path with every symlink resolved, or null (missing, a loop, no permission).</summary>
    public static string? RealPath(string path)
    {
        nint p = realpath(path, 0);
        if (p == 0) return null;
        try { return Marshal.PtrToStringUTF8(p); }
        finally { free(p); }
    }
}
