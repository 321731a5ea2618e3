using System.Diagnostics;
using System.Text;
using PmPrep.Server.Cli;
using Xunit.Abstractions;

namespace PmPrep.Server.Tests;

/// <summary>
/// Issue 12, the CLI on a hostile disk: each break found by trying `pmprep` as an attacker would is
/// a test here. The cases that used to kill or hang the process run it as a child process; the
/// read-only cases run it as uid 65534 (root ignores file modes), and print why when they cannot.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // Unix file modes, FIFOs and links
public sealed class HostileDiskTests : IDisposable
{
    private readonly ITestOutputHelper _out;
    private readonly DirectoryInfo _root = PmprepProcess.SharedTempDir("pmprep-hostile-");
    private string Dir => _root.FullName;

    public HostileDiskTests(ITestOutputHelper output) => _out = output;

    public void Dispose()
    {
        try { _root.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // A story --fix changes: "We decided" -> "I decided", the hedge goes.
    private const string Weak = "---\ntitle: W\nlps: [Dive Deep, Ownership]\n---\n# W\n\n## Context\n\nSales were flat.\n\n## Decision\n\nWe decided to ship. I think it worked.\n";
    private const string Fixed = "We decided to ship. It worked."; // fix-all drops the hedge on what was believed; who decided stays as written

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e, Dir);
        return (code, o.ToString(), e.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>uid, gid, octal mode and link count, from stat(1).</summary>
    private static (int Uid, int Gid, string Mode, int Links) Stat(string path)
    {
        var psi = new ProcessStartInfo("stat", new[] { "-c", "%u %g %a %h", path }) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var parts = p.StandardOutput.ReadToEnd().Trim().Split(' ');
        p.WaitForExit();
        return (int.Parse(parts[0]), int.Parse(parts[1]), parts[2], int.Parse(parts[3]));
    }

    private bool Skip(string? reason)
    {
        if (reason is null) return false;
        _out.WriteLine("SKIPPED: " + reason);
        Console.Error.WriteLine("HostileDiskTests skipped a case: " + reason);
        return true;
    }

    private static string? NotPosix() => OperatingSystem.IsWindows() ? "symlinks, FIFOs and modes are POSIX cases" : null;

    // ---------------------------------------------------------------- 1. planted symlink at the temp name

    [Fact]
    public void Fix_never_writes_through_a_symlink_planted_at_a_temporary_name()
    {
        if (Skip(NotPosix())) return;
        var story = Write("a.story.md", Weak);
        var victim = Write("victim.txt", "victim\n");
        File.CreateSymbolicLink(story + ".pmprep-tmp", victim);   // the old fixed temporary name
        var (code, _, stderr) = Run("check", ".", "--fix");
        Assert.Equal("victim\n", File.ReadAllText(victim));
        Assert.Contains(Fixed, File.ReadAllText(story));
        Assert.Contains("applied", stderr);
        Assert.NotEqual(2, code);
        // Nothing left behind but the planted link.
        Assert.DoesNotContain(Directory.GetFiles(Dir, "*.pmprep-tmp"), f => f != story + ".pmprep-tmp");
    }

    // ---------------------------------------------------------------- 2. permissions and owner

    [Fact]
    public void Fix_keeps_a_private_storys_mode_and_owner()
    {
        if (Skip(NotPosix())) return;
        if (Skip(PmprepProcess.IsRoot ? null : "changing a file's owner needs root")) return;
        var story = Write("a.story.md", Weak);
        File.SetUnixFileMode(story, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        PmprepProcess.Chown(story, 65534, 65534);
        var (_, _, stderr) = Run("check", ".", "--fix");
        Assert.Contains("applied", stderr);
        Assert.Contains(Fixed, File.ReadAllText(story));
        var st = Stat(story);
        Assert.Equal("600", st.Mode);
        Assert.Equal(65534, st.Uid);
        Assert.Equal(65534, st.Gid);
    }

    [Fact]
    public void Fix_keeps_an_unusual_mode()
    {
        if (Skip(NotPosix())) return;
        var story = Write("a.story.md", Weak);
        File.SetUnixFileMode(story, (UnixFileMode)0b110_100_000);   // 0640
        Run("check", ".", "--fix");
        Assert.Contains(Fixed, File.ReadAllText(story));
        Assert.Equal("640", Stat(story).Mode);
    }

    [Fact]
    public void Fix_refuses_a_read_only_story_and_says_so()
    {
        if (Skip(NotPosix() ?? PmprepProcess.CannotRunAsNobody())) return;
        var story = Write("a.story.md", Weak);
        var other = Write("b.story.md", Weak.Replace("title: W", "title: B").Replace("Sales were flat.", "Returns rose."));
        File.SetUnixFileMode(story, (UnixFileMode)0b100_100_100);   // 0444
        File.SetUnixFileMode(other, (UnixFileMode)0b110_110_110);   // 0666
        if (PmprepProcess.IsRoot)
        {
            PmprepProcess.Chown(story, 65534, 65534);
            PmprepProcess.Chown(other, 65534, 65534);
        }
        var r = PmprepProcess.Run(Dir, new[] { "check", ".", "--fix" }, TimeSpan.FromSeconds(60), asNobody: true);
        _out.WriteLine(r.Stderr);
        Assert.Equal(Weak, File.ReadAllText(story));
        Assert.Contains("a.story.md: not fixed: it is not writable by you", r.Stderr);
        Assert.Contains(Fixed, File.ReadAllText(other));   // the run went on
        Assert.Equal(2, r.Code);
    }

    // ---------------------------------------------------------------- 3. links

    [Fact]
    public void Fix_writes_a_symlinked_storys_target_and_keeps_the_link()
    {
        if (Skip(NotPosix())) return;
        var target = Write("real/a.story.md", Weak);
        var link = Path.Combine(Dir, "stories", "a.story.md");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
        var (_, _, stderr) = Run("check", "stories/a.story.md", "--fix");
        Assert.Contains("applied", stderr);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains(Fixed, File.ReadAllText(target));
    }

    [Fact]
    public void Fix_refuses_a_hard_linked_story_unless_told_to_break_the_link()
    {
        if (Skip(NotPosix())) return;
        var story = Write("a.story.md", Weak);
        var twin = Path.Combine(Dir, "elsewhere.md");
        PmprepProcess.HardLink(story, twin);
        var (code, _, stderr) = Run("check", "a.story.md", "--fix");
        Assert.Equal(2, code);
        Assert.Contains("a.story.md: not fixed: it has 2 hard links", stderr);
        Assert.Contains("--break-hardlinks", stderr);
        Assert.Equal(Weak, File.ReadAllText(story));
        Assert.Equal(2, Stat(story).Links);

        var (code2, _, stderr2) = Run("check", "a.story.md", "--fix", "--break-hardlinks");
        Assert.Contains("applied", stderr2);
        Assert.NotEqual(2, code2);
        Assert.Contains(Fixed, File.ReadAllText(story));
        Assert.Equal(Weak, File.ReadAllText(twin));   // the other name keeps the old text, as documented
    }

    [Fact]
    public void The_same_file_named_twice_is_checked_and_fixed_once()
    {
        if (Skip(NotPosix())) return;
        var story = Write("a.story.md", Weak);
        File.CreateSymbolicLink(Path.Combine(Dir, "alias.story.md"), story);
        var (_, stdout, stderr) = Run("check", "a.story.md", "alias.story.md", "--fix");
        Assert.Single(stderr.Split('\n'), l => l.Contains("applied"));
        Assert.Contains("1 story checked", stdout);
        Assert.Contains(Fixed, File.ReadAllText(story));
    }

    // ---------------------------------------------------------------- 4. deep YAML

    private static string DeepFrontMatter(int n) => "---\ntitle: Deep\nlps: " + new string('[', n) + "\n---\n# Deep\n\nI decided.\n";

    [Fact]
    public void Fifty_thousand_nested_brackets_in_a_story_are_front_matter_invalid_and_the_other_files_are_checked()
    {
        Write("deep.story.md", DeepFrontMatter(50_000));
        Write("ok.story.md", Weak);
        var r = PmprepProcess.Run(Dir, new[] { "check", ".", "--format", "json" }, TimeSpan.FromSeconds(60));
        Assert.False(r.TimedOut);
        Assert.DoesNotContain("Stack overflow", r.Stderr);
        Assert.Equal(1, r.Code);   // front-matter-invalid is an error
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToList();
        var deep = files.Single(f => f.GetProperty("path").GetString() == "deep.story.md");
        var fm = deep.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("rule").GetString() == "front-matter-invalid");
        Assert.Contains("more than 64 levels deep", fm.GetProperty("message").GetString());
        var ok = files.Single(f => f.GetProperty("path").GetString() == "ok.story.md");
        Assert.Contains(ok.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("rule").GetString() == "we-language");
    }

    [Fact]
    public void Fifty_thousand_nested_brackets_in_the_config_are_an_error_on_stderr_and_the_stories_are_checked()
    {
        Write(".pmprep.yaml", "rules: " + new string('[', 50_000) + "\n");
        Write("ok.story.md", Weak);
        var r = PmprepProcess.Run(Dir, new[] { "check", "." }, TimeSpan.FromSeconds(60));
        Assert.False(r.TimedOut);
        Assert.DoesNotContain("Stack overflow", r.Stderr);
        Assert.Contains(".pmprep.yaml: line 1: the YAML nests more than 64 levels deep", r.Stderr);
        Assert.Contains("ok.story.md:13:1: warning we-language", r.Stdout);
    }

    [Fact]
    public void Deep_yaml_that_hides_its_brackets_behind_a_stray_quote_is_still_bounded()
    {
        // The scan guesses where quoted scalars start; YamlDotNet's own event count backs it up.
        var yaml = "title: some text\n  \"more text\n" + "lps: " + new string('[', 50_000) + "\n";
        Write("q.story.md", "---\n" + yaml + "---\n# Q\n\nI decided.\n");
        var r = PmprepProcess.Run(Dir, new[] { "check", "." }, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("Stack overflow", r.Stderr);
        Assert.Contains("front-matter-invalid", r.Stdout);
    }

    [Fact]
    public void Fifty_thousand_nested_emphasis_and_links_in_a_story_body_do_not_crash()
    {
        // Found while testing the YAML bound: the parser's inline walk recursed once per emphasis level.
        Write("em.story.md", "# T\n\n" + new string('*', 50_000) + "We decided" + new string('*', 50_000) + "\n");
        Write("ln.story.md", "# L\n\n" + string.Concat(Enumerable.Repeat("[a ", 20_000)) + "x" + new string(']', 20_000) + "(u)\n");
        Write("ok.story.md", Weak);
        var r = PmprepProcess.Run(Dir, new[] { "check", "." }, TimeSpan.FromSeconds(120));
        Assert.False(r.TimedOut);
        Assert.DoesNotContain("Stack overflow", r.Stderr);
        Assert.Contains("3 stories checked", r.Stdout);
        Assert.Contains("em.story.md:3:", r.Stdout);
    }

    [Fact]
    public void Deep_but_legal_front_matter_stays_readable()
    {
        // 10 levels of flow and block nesting, quotes with brackets inside, a block scalar with brackets: all under the cap.
        var text = "---\ntitle: \"[[[[[[[[ not nesting ]]\"\nnote: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nlps: [Dive Deep, [Ownership, [[[[[[[x]]]]]]]]]\n---\n# T\n\nI decided.\n";
        Write("ok.story.md", text);
        var (_, stdout, _) = Run("check", ".");
        Assert.DoesNotContain("front-matter-invalid", stdout);
    }

    // ---------------------------------------------------------------- 7. special files

    [Fact]
    public void A_story_symlinked_to_dev_zero_is_refused_quickly()
    {
        if (Skip(NotPosix() ?? (File.Exists("/dev/zero") ? null : "no /dev/zero"))) return;
        File.CreateSymbolicLink(Path.Combine(Dir, "z.story.md"), "/dev/zero");
        Write("ok.story.md", Weak);
        var r = PmprepProcess.Run(Dir, new[] { "check", "z.story.md", "ok.story.md" }, TimeSpan.FromSeconds(30));
        Assert.False(r.TimedOut);
        Assert.DoesNotContain("Out of memory", r.Stderr);
        Assert.Contains("z.story.md: not a regular file (a character device)", r.Stderr);
        Assert.Contains("ok.story.md:13:1: warning we-language", r.Stdout);
        Assert.Equal(2, r.Code);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(20), $"took {r.Elapsed}");
    }

    [Fact]
    public void A_fifo_story_never_hangs_the_cli()
    {
        if (Skip(NotPosix())) return;
        PmprepProcess.MkFifo(Path.Combine(Dir, "f.story.md"));
        Write("ok.story.md", Weak);
        // In a walk the FIFO is skipped; named on the command line it is refused.
        var walk = PmprepProcess.Run(Dir, new[] { "check", "." }, TimeSpan.FromSeconds(30));
        Assert.False(walk.TimedOut, "check . hung on the FIFO");
        Assert.Contains("1 story checked", walk.Stdout);
        var named = PmprepProcess.Run(Dir, new[] { "check", "f.story.md", "ok.story.md" }, TimeSpan.FromSeconds(30));
        Assert.False(named.TimedOut, "check f.story.md hung");
        Assert.Contains("f.story.md: not a regular file (a FIFO)", named.Stderr);
        Assert.Equal(2, named.Code);
    }

    [Fact]
    public void A_fifo_config_never_hangs_the_cli()
    {
        if (Skip(NotPosix())) return;
        PmprepProcess.MkFifo(Path.Combine(Dir, ".pmprep.yaml"));
        Write("ok.story.md", Weak);
        var r = PmprepProcess.Run(Dir, new[] { "check", "." }, TimeSpan.FromSeconds(30));
        Assert.False(r.TimedOut, "the FIFO config hung the CLI");
        Assert.Contains(".pmprep.yaml: not a regular file (a FIFO)", r.Stderr);
        Assert.Contains("we-language", r.Stdout);
    }

    // ---------------------------------------------------------------- 8. one unwritable folder

    [Fact]
    public void One_unwritable_folder_does_not_stop_the_fix_run()
    {
        if (Skip(NotPosix() ?? PmprepProcess.CannotRunAsNobody())) return;
        var locked = Write("a/a.story.md", Weak);
        var open = Write("b/b.story.md", Weak.Replace("title: W", "title: B").Replace("Sales were flat.", "Returns rose."));
        foreach (var d in new[] { Path.Combine(Dir, "a"), Path.Combine(Dir, "b") })
            if (PmprepProcess.IsRoot) PmprepProcess.Chown(d, 65534, 65534);
        foreach (var f in new[] { locked, open })
        {
            File.SetUnixFileMode(f, (UnixFileMode)0b110_110_100);
            if (PmprepProcess.IsRoot) PmprepProcess.Chown(f, 65534, 65534);
        }
        File.SetUnixFileMode(Path.Combine(Dir, "a"), (UnixFileMode)0b101_101_101);   // 0555: no new files in a/
        var r = PmprepProcess.Run(Dir, new[] { "check", ".", "--fix" }, TimeSpan.FromSeconds(60), asNobody: true);
        _out.WriteLine(r.Stderr);
        File.SetUnixFileMode(Path.Combine(Dir, "a"), (UnixFileMode)0b111_111_111);
        Assert.Contains("a/a.story.md: not fixed: cannot create a file in", r.Stderr);
        Assert.Equal(Weak, File.ReadAllText(locked));
        Assert.Contains(Fixed, File.ReadAllText(open));
        Assert.Contains("b/b.story.md: applied", r.Stderr);
        Assert.Equal(2, r.Code);
    }

    // ---------------------------------------------------------------- 9. beyond the folder

    [Fact]
    public void A_walk_does_not_follow_a_symlink_to_a_story_outside_the_folder()
    {
        if (Skip(NotPosix())) return;
        var outside = Directory.CreateTempSubdirectory("pmprep-outside-");
        try
        {
            var secret = Path.Combine(outside.FullName, "secret.story.md");
            File.WriteAllText(secret, Weak);
            Write("stories/ok.story.md", Weak.Replace("title: W", "title: Ok").Replace("Sales were flat.", "Returns rose."));
            File.CreateSymbolicLink(Path.Combine(Dir, "stories", "leak.story.md"), secret);
            // A link inside the folder to a story inside it is followed (once: same file).
            File.CreateSymbolicLink(Path.Combine(Dir, "stories", "inside.story.md"), Path.Combine(Dir, "stories", "ok.story.md"));
            var (_, stdout, _) = Run("check", "stories");
            Assert.DoesNotContain("leak.story.md", stdout);
            Assert.Contains("1 story checked", stdout);
            // Named explicitly, the link is the user's choice and is read.
            var (_, named, _) = Run("check", "stories/leak.story.md");
            Assert.Contains("leak.story.md", named);
        }
        finally { outside.Delete(true); }
    }

    // ---------------------------------------------------------------- report --out

    [Fact]
    public void Report_out_goes_through_the_safe_write_path()
    {
        if (Skip(NotPosix())) return;
        Write("a.story.md", Weak);
        var victim = Write("victim.txt", "victim\n");
        var outPath = Path.Combine(Dir, "r.html");
        PmprepProcess.HardLink(victim, outPath);
        var (code, _, stderr) = Run("report", ".", "--out", "r.html");
        Assert.Equal(2, code);
        Assert.Contains("hard links", stderr);
        Assert.Equal("victim\n", File.ReadAllText(victim));
        File.Delete(outPath);
        Assert.Equal(0, Run("report", ".", "--out", "r.html").Code);
        Assert.Contains("<table", File.ReadAllText(outPath));
        Assert.Empty(Directory.GetFiles(Dir, "*.pmprep-tmp"));
    }

    [Fact]
    public void Fix_keeps_crlf_and_the_bom_byte_for_byte()
    {
        var story = Path.Combine(Dir, "a.story.md");
        File.WriteAllText(story, Weak.Replace("\n", "\r\n"), new UTF8Encoding(true));
        Run("check", ".", "--fix");
        var bytes = File.ReadAllBytes(story);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains(Fixed + "\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }
}
