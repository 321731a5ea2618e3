using System.Globalization;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Fixes;
using PmPrep.Server.IO;
using PmPrep.Server.Workspace;

namespace PmPrep.Server.Cli;

/// <summary>
/// `pmprep check|report|rules`. Exit codes: 0 nothing at error severity, 1 something is, 2 usage
/// or I/O errors (the reason on stderr; the other files are still checked).
/// </summary>
public static class CliApp
{
    public const string Usage =
        "usage:\n" +
        "  pmprep check [PATH...] [--format pretty|text|json|sarif] [--bank DIR] [--config FILE] [--wpm N] [--fix [--dry-run] [--break-hardlinks]]\n" +
        "  pmprep report [PATH...] --out FILE.html [--config FILE] [--wpm N]\n" +
        "  pmprep rules [ID] [--format text|json]\n" +
        "  pmprep drill [PATH...] [--config FILE]   (bar-raiser practice sheet, one story per page)\n" +
        "  pmprep read \"A SENTENCE\" | -   (how PmPrep reads it, clause by clause)\n" +
        "  pmprep --stdio            (the language server)\n" +
        "  pmprep --version\n";

    /// <param name="terminal">stdout is a terminal: `check` then defaults to `--format pretty` with colour (unless NO_COLOR).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string cwd, bool terminal = false)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                (args.Length == 0 ? stderr : stdout).Write(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            if (args[0] is "--version" or "version")
            {
                stdout.WriteLine("pmprep " + ProductInfo.Version);
                return 0;
            }
            // Commands that analyse: the engine's data loads on the other core while options,
            // config files and story files are read.
            if (args[0] is "check" or "report" or "drill" or "read") Core.Catalog.EngineWarmup.Start();
            if (args[0] == "read") return ReadCommand.Run(args[1..], stdout, stderr);
            var parsed = Options.Parse(args[1..]);
            if (parsed.Error is not null)
            {
                stderr.WriteLine("pmprep: " + parsed.Error);
                stderr.Write(Usage);
                return 2;
            }
            return args[0] switch
            {
                "check" => Check(parsed, stdout, stderr, cwd, terminal),
                "report" => Report(parsed, stdout, stderr, cwd),
                "rules" => Rules(parsed, stdout, stderr),
                "drill" => DrillCommand.Run(parsed, stdout, stderr, cwd),
                _ => UsageError($"unknown command \"{args[0]}\"", stderr),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("pmprep: " + ex.Message);
            return 2;
        }
    }

    private static int UsageError(string message, TextWriter stderr)
    {
        stderr.WriteLine("pmprep: " + message);
        stderr.Write(Usage);
        return 2;
    }

    internal sealed record CheckedFile(LoadedFile File, StoryAnalysis? Analysis);

    /// <summary>
    /// Reads settings, expands paths, analyses every readable story and the bank the paths belong
    /// to (<see cref="BankRoot"/>, or <c>--bank</c>). The bank's other stories are analysed for the
    /// bank rules but not reported; the bank findings kept are those about the whole bank or about a
    /// checked file. When no given path exists the bank is empty (no bank verdict).
    /// </summary>
    internal static (List<CheckedFile> Files, BankAnalysis Bank, PmPrepSettings Settings, bool IoError) Load(Options o, TextWriter stderr, string cwd)
    {
        bool ioError = false;
        var given = o.Paths.Count == 0 ? new List<string> { "." } : o.Paths;
        string? forcedConfig = o.Config is not null ? Path.GetFullPath(Path.Combine(cwd, o.Config)) : null;
        if (forcedConfig is not null && !File.Exists(forcedConfig))
        {
            stderr.WriteLine($"pmprep: {o.Config}: no such config file");
            ioError = true;
            forcedConfig = null;
        }

        var (paths, errors) = StoryFiles.Expand(given, cwd);
        foreach (var e in errors) { stderr.WriteLine("pmprep: " + e); ioError = true; }

        // The banks the given paths belong to.
        var existing = given.Select(g => Path.GetFullPath(Path.Combine(cwd, g))).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        List<string> bankRoots;
        if (o.Bank is not null)
        {
            var dir = Path.GetFullPath(Path.Combine(cwd, o.Bank));
            if (!Directory.Exists(dir))
            {
                stderr.WriteLine($"pmprep: --bank {o.Bank}: no such directory");
                ioError = true;
                bankRoots = new();
            }
            else bankRoots = new() { dir };
        }
        else bankRoots = existing.Select(BankRoot.Of).Distinct(StringComparer.Ordinal).ToList();

        var resolver = new ConfigResolver(PmPrepSettings.Default, bankRoots,
            (path, problem) => stderr.WriteLine($"pmprep: {StoryFiles.Display(path, cwd)}: {problem}"));
        // --config FILE: one file for every story, instead of the lookup.
        var forced = forcedConfig is not null ? ForcedSettings(forcedConfig, stderr, cwd) : null;
        PmPrepSettings SettingsFor(string storyPath)
        {
            var s = forced ?? resolver.For(storyPath);
            return o.Wpm is { } wpm ? s with { WordsPerMinute = wpm } : s;
        }
        // Settings first (the resolver reads config files and reports problems in path order), then
        // read and analyse on every core; results land in path order, and errors are reported in
        // that order afterwards, so output does not depend on scheduling.
        var perFile = paths.Select(SettingsFor).ToArray();
        var checkedFiles = new CheckedFile[paths.Count];
        if (paths.Count > 1)
            Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => checkedFiles[i] = ReadAndAnalyze(paths[i], cwd, perFile[i]));
        else
            for (int i = 0; i < paths.Count; i++) checkedFiles[i] = ReadAndAnalyze(paths[i], cwd, perFile[i]);
        var files = new List<CheckedFile>(checkedFiles);
        foreach (var f in files)
            if (f.File.Error is not null)
            {
                stderr.WriteLine($"pmprep: {f.File.DisplayPath}: {f.File.Error}");
                ioError = true;
            }
        if (paths.Count == 0 && errors.Count == 0)
            stderr.WriteLine("pmprep: no *.story.md, *.design.md or *.prfaq.md files found in " + string.Join(", ", given));

        // The bank rules use the settings of the (first) bank root's folder.
        var settings = SettingsFor(Path.Combine(bankRoots.Count > 0 ? bankRoots[0] : cwd, "bank.story.md"));
        if (existing.Count == 0 && o.Bank is null) return (files, BankAnalyzer.Analyze(Array.Empty<BankStory>(), settings), settings, ioError);

        // The bank: the checked stories plus every other story under the bank roots. Only stories
        // make the bank; design answers and PR/FAQs are checked on their own.
        var checkedPaths = new HashSet<string>(files.Select(f => f.File.DisplayPath), StringComparer.Ordinal);
        var stories = files.Where(f => f.Analysis is { Kind: Core.Practice.PracticeKind.Story }).Select(f => new BankStory(f.File.DisplayPath, f.Analysis!)).ToList();
        var seen = new HashSet<string>(paths, StringComparer.Ordinal);
        foreach (var root in bankRoots)
            foreach (var path in StoryFiles.Discover(root))
            {
                if (!seen.Add(path) || !StoryFiles.IsStory(path)) continue;
                var (text, _, _) = StoryFiles.ReadText(path);
                if (text is null) continue;   // reported when that file is checked itself
                stories.Add(new BankStory(StoryFiles.Display(path, cwd), StoryAnalyzer.Analyze(text, SettingsFor(path))));
            }
        var bank = BankAnalyzer.Analyze(stories, settings)
            .WithDiagnostics(d => d.Path is null || checkedPaths.Contains(d.Path));
        return (files, bank, settings, ioError);
    }

    private static CheckedFile ReadAndAnalyze(string path, string cwd, PmPrepSettings settings)
    {
        var file = StoryFiles.Read(path, cwd);
        if (file.Error is not null) return new CheckedFile(file, null);
        var analysis = Core.Practice.PracticeAnalyzer.Analyze(path, file.Text!, settings);
        _ = StoryFacts.Of(analysis); // the bank's per-story facts, cached with the analysis: built here, on every core
        return new CheckedFile(file, analysis);
    }

    private static PmPrepSettings ForcedSettings(string configPath, TextWriter stderr, string cwd)
    {
        var (text, error) = SafeRead.ReadText(configPath, PmPrepSettings.MaxConfigBytes);   // a FIFO or device never blocks, the size is bounded
        if (text is null)
        {
            stderr.WriteLine($"pmprep: {StoryFiles.Display(configPath, cwd)}: {error}");
            return PmPrepSettings.Default;
        }
        var (s, problems) = PmPrepSettings.FromYaml(text, PmPrepSettings.Default);
        foreach (var p in problems) stderr.WriteLine($"pmprep: {StoryFiles.Display(configPath, cwd)}: {p}");
        return s;
    }

    private static int Check(Options o, TextWriter stdout, TextWriter stderr, string cwd, bool terminal)
    {
        if (o.Out is not null) return UsageError("--out belongs to `pmprep report`", stderr);
        if (o.DryRun && !o.Fix) return UsageError("--dry-run goes with --fix", stderr);
        var (files, bank, settings, ioError) = Load(o, stderr, cwd);

        if (o.BreakHardLinks && !o.Fix) return UsageError("--break-hardlinks goes with --fix", stderr);
        bool writeFailed = false;
        if (o.Fix)
        {
            // Only meaning-preserving fixes (FixKind.MeaningPreserving): --fix never changes who acted.
            int changed = 0;
            var wouldBe = new List<CheckedFile>();
            foreach (var f in files.Where(f => f.Analysis is not null))
            {
                var text = f.File.Text!;
                var fixedText = FixAll.Apply(text, f.Analysis!.Settings, out int applied);
                wouldBe.Add(fixedText == text ? f : new CheckedFile(f.File with { Text = fixedText }, StoryAnalyzer.Analyze(fixedText, f.Analysis!.Settings)));
                if (fixedText == text) continue;
                changed++;
                if (o.DryRun) stdout.Write(LineDiff.Unified(StoryFiles.DiffPath(f.File.FullPath, cwd), text, fixedText));
                else
                {
                    if (StoryFiles.Write(f.File, fixedText, new SafeWriteOptions { BreakHardLinks = o.BreakHardLinks }) is { } why)
                    {
                        // Reported, and the run goes on with the other files (exit 2 at the end).
                        stderr.WriteLine($"pmprep: {f.File.DisplayPath}: not fixed: {why}");
                        writeFailed = true;
                        changed--;
                        continue;
                    }
                    stderr.WriteLine($"pmprep: {f.File.DisplayPath}: applied {applied} fix{(applied == 1 ? "" : "es")}");
                }
            }
            if (!o.DryRun && changed > 0)
            {
                // Report what is left after fixing.
                (files, bank, settings, ioError) = Load(o, TextWriter.Null, cwd);
            }
            ioError |= writeFailed;
            if (o.DryRun)
            {
                stderr.WriteLine(changed == 0 ? "pmprep: nothing to fix" : $"pmprep: {changed} file{(changed == 1 ? "" : "s")} would change");
                if (ioError) return 2;
                // The exit code `check` would give after the fixes: 1 when an error-severity finding remains.
                var wouldBeBank = BankAnalyzer.Analyze(wouldBe.Select(f => new BankStory(f.File.DisplayPath, f.Analysis!)).ToList(), settings);
                return AnyError(wouldBe, wouldBeBank) ? 1 : 0;
            }
        }

        switch (o.Format ?? (terminal ? "pretty" : "text"))
        {
            case "json": JsonOutput.Write(stdout, files, bank); break;
            case "sarif": SarifOutput.Write(stdout, files, bank); break;
            case "pretty": PrettyOutput.Write(stdout, files, bank, PrettyOutput.Style.Detect(terminal)); break;
            default: TextOutput.Write(stdout, files, bank, settings); break;
        }
        if (ioError) return 2;
        return AnyError(files, bank) ? 1 : 0;
    }

    private static bool AnyError(List<CheckedFile> files, BankAnalysis bank) =>
        files.Any(f => f.Analysis?.Diagnostics.Any(d => d.Severity == Severity.Error) == true)
        || bank.Diagnostics.Any(d => d.Severity == Severity.Error);

    private static int Report(Options o, TextWriter stdout, TextWriter stderr, string cwd)
    {
        if (o.Out is null) return UsageError("`pmprep report` needs --out FILE.html", stderr);
        var (files, bank, settings, ioError) = Load(o, stderr, cwd);
        string outPath = Path.GetFullPath(Path.Combine(cwd, o.Out));
        string html = ReportWriter.Render(files, bank, settings);
        if (SafeWrite.ReplaceText(outPath, html, bom: false, new SafeWriteOptions { CreateIfMissing = true }).Error is { } why)
        {
            stderr.WriteLine($"pmprep: cannot write {o.Out}: {why}");
            return 2;
        }
        stderr.WriteLine($"pmprep: wrote {StoryFiles.Display(outPath, cwd)} ({files.Count} stor{(files.Count == 1 ? "y" : "ies")})");
        return ioError ? 2 : 0;
    }

    private static int Rules(Options o, TextWriter stdout, TextWriter stderr)
    {
        var data = EngineData.Default;
        if (o.Paths.Count > 0)
        {
            // `pmprep rules ID`: the rule's page, from the binary.
            int code = 0;
            foreach (var id in o.Paths)
            {
                if (RuleDocs.Page(id) is { } page) stdout.Write(page.EndsWith('\n') ? page : page + "\n");
                else { stderr.WriteLine($"pmprep: no rule \"{id}\" (pmprep rules lists them)"); code = 2; }
            }
            return code;
        }
        if (o.Format == "json")
        {
            JsonOutput.WriteRules(stdout, data.Rules);
            return 0;
        }
        int width = data.Rules.Max(r => r.Id.Length);
        foreach (var r in data.Rules)
            stdout.WriteLine($"{r.Id.PadRight(width)}  {RuleInfo.SeverityName(r.DefaultSeverity),-11}  {r.Scope.ToString().ToLowerInvariant(),-8}  {r.Title}{(r.FixTitle is null ? "" : "  [fix]")}");
        return 0;
    }
}

/// <summary>Parsed command-line options.</summary>
internal sealed class Options
{
    public List<string> Paths { get; } = new();
    /// <summary>text, json, sarif or pretty; null until given (then pretty on a terminal, text otherwise).</summary>
    public string? Format { get; private set; }
    public string? Bank { get; private set; }
    public string? Config { get; private set; }
    public double? Wpm { get; private set; }
    public bool Fix { get; private set; }
    public bool DryRun { get; private set; }
    public bool BreakHardLinks { get; private set; }
    public string? Out { get; private set; }
    public string? Error { get; private set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? inline = null;
            int eq = a.IndexOf('=');
            if (a.StartsWith("--", StringComparison.Ordinal) && eq > 2) { inline = a[(eq + 1)..]; a = a[..eq]; }
            string? Value()
            {
                if (inline is not null) return inline;
                if (i + 1 < args.Length) return args[++i];
                o.Error = $"{a} needs a value";
                return null;
            }
            switch (a)
            {
                case "--format":
                case "-f":
                    var f = Value();
                    if (f is "text" or "json" or "sarif" or "pretty") o.Format = f;
                    else if (f is not null) o.Error = $"--format takes pretty, text, json or sarif, not \"{f}\"";
                    break;
                case "--bank":
                    o.Bank = Value();
                    break;
                case "--config":
                    o.Config = Value();
                    break;
                case "--wpm":
                    var w = Value();
                    if (double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var wpm) && wpm >= 60 && wpm <= 400) o.Wpm = wpm;
                    else if (w is not null) o.Error = $"--wpm takes a number from 60 to 400, not \"{w}\"";
                    break;
                case "--fix": o.Fix = true; break;
                case "--dry-run": o.DryRun = true; break;
                case "--break-hardlinks": o.BreakHardLinks = true; break;
                case "--out":
                case "-o":
                    o.Out = Value();
                    break;
                default:
                    if (a.StartsWith('-') && a.Length > 1) o.Error = $"unknown option {a}";
                    else o.Paths.Add(args[i]);
                    break;
            }
            if (o.Error is not null) break;
        }
        return o;
    }
}
