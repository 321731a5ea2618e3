using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Core.Report;

/// <summary>Options for <see cref="ReportRenderer.Render"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>The page heading and document title.</summary>
    public string Title { get; init; } = "Story bank report";
    /// <summary>Files that could not be read, listed with their reason.</summary>
    public IReadOnlyList<(string Path, string Error)> Unreadable { get; init; } = Array.Empty<(string, string)>();
    /// <summary>Minutes band and limit; defaults to the first story's settings.</summary>
    public PmPrepSettings? Settings { get; init; }
    /// <summary>Printed in the footer when set; left out by default so the output is reproducible.</summary>
    public DateTimeOffset? Generated { get; init; }
    /// <summary>
    /// How a story's path is shown (the language server passes URIs and can map them to
    /// workspace-relative paths). Also applied to story paths named inside bank messages
    /// ("... in file:///ws/b.story.md"). Identity by default.
    /// </summary>
    public Func<string, string>? DisplayPath { get; init; }
    /// <summary>Design answers and PR/FAQs, shown in their own sections after the stories (paths as given).</summary>
    public IReadOnlyList<(string Path, StoryAnalysis Analysis)> Practice { get; init; } = Array.Empty<(string, StoryAnalysis)>();
}

/// <summary>
/// The one HTML renderer for the story-bank report, used by <c>pmprep report</c> and by the VS Code
/// coverage webview (through the language server). The page is one self-contained document: no
/// scripts, no external resources, no network requests. Its Content-Security-Policy is
/// <c>default-src 'none'</c> with the single inline style block allowed by its SHA-256 hash, so
/// nothing else can load even inside a webview. The markup is also well-formed XML, which keeps it
/// easy to test.
/// </summary>
public static class ReportRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The stylesheet, and the CSP source that allows exactly it.</summary>
    public static string Css => Styles.Css;
    public static string StyleHash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Styles.Css)));
    /// <summary>The policy set in the page's meta tag.</summary>
    public static string ContentSecurityPolicy { get; } = $"default-src 'none'; style-src '{StyleHash}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Render(BankAnalysis bank, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        options ??= new ReportOptions();
        var settings = options.Settings ?? bank.Stories.FirstOrDefault()?.Analysis.Settings ?? PmPrepSettings.Default;
        var r = new Writer(bank, options, settings);
        return r.Page();
    }

    private sealed class Writer
    {
        private readonly BankAnalysis _bank;
        private readonly ReportOptions _o;
        private readonly PmPrepSettings _s;
        private readonly StringBuilder _sb = new(64 * 1024);
        private readonly Dictionary<string, int> _number = new(StringComparer.Ordinal);

        public Writer(BankAnalysis bank, ReportOptions o, PmPrepSettings s)
        {
            _bank = bank; _o = o; _s = s;
            for (int i = 0; i < bank.Stories.Count; i++) _number[bank.Stories[i].Path] = i + 1;
        }

        private Writer A(string raw) { _sb.Append(raw); return this; }

        /// <summary>How a story path is shown (<see cref="ReportOptions.DisplayPath"/>, else as given).</summary>
        private string Shown(string path) => _o.DisplayPath?.Invoke(path) ?? path;

        private Writer T(string? text) { _sb.Append(Enc(text ?? "")); return this; }

        public string Page()
        {
            A("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
            A("<meta http-equiv=\"Content-Security-Policy\" content=\"").T(ContentSecurityPolicy).A("\"/>\n");
            A("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
            A("<meta name=\"generator\" content=\"PmPrep\"/>\n");
            A("<title>").T(_o.Title).A("</title>\n<style>").A(Styles.Css).A("</style>\n</head>\n<body>\n<main>\n");
            Header();
            Coverage();
            Minutes();
            BankFindings();
            Stories();
            PracticeFiles();
            Footer();
            A("</main>\n</body>\n</html>\n");
            return _sb.ToString();
        }

        // ------------------------------------------------------------ header and summary

        private void Header()
        {
            int n = _bank.Stories.Count;
            int evidenced = _bank.Coverage.Count(row => !row.IsGap);
            int inBand = _bank.Stories.Count(s => Band(s.Analysis.Minutes) == "in-band");
            var all = AllFindings().ToList();
            int errors = all.Count(f => f.Severity == Severity.Error), warnings = all.Count(f => f.Severity == Severity.Warning);

            A("<header class=\"top\">\n<p class=\"kicker\">PmPrep · Amazon PM interview prep</p>\n<h1>").T(_o.Title).A("</h1>\n");
            A("<p class=\"lede\">").T($"{n} {Plural(n, "story", "stories")}, checked against the 16 Leadership Principles. " +
                "Target: 8-10 stories that between them show every principle, each told in " +
                $"{Num(_s.MinMinutes)}-{Num(_s.MaxMinutes)} minutes, with the same role for the same project in every story.").A("</p>\n");

            A("<ul class=\"cards\" id=\"summary\">\n");
            Card("principles", $"{evidenced}<small>/{_bank.Coverage.Count}</small>", "principles evidenced", evidenced == _bank.Coverage.Count ? "good" : evidenced >= 12 ? "fair" : "poor");
            Card("stories", $"{n}<small> {Plural(n, "story", "stories")}</small>", "target 8-10", n >= 8 && n <= 10 ? "good" : n >= 6 ? "fair" : "poor");
            Card("in-band", $"{inBand}<small>/{n}</small>", $"in the {Num(_s.MinMinutes)}-{Num(_s.MaxMinutes)} min band", n > 0 && inBand == n ? "good" : inBand * 2 >= n ? "fair" : "poor");
            Card("findings", $"{errors}<small> {Plural(errors, "error", "errors")}</small>", $"{warnings} {Plural(warnings, "warning", "warnings")}", errors == 0 && warnings == 0 ? "good" : errors == 0 ? "fair" : "poor");
            A("</ul>\n");

            var next = NextSteps().Take(5).ToList();
            if (next.Count > 0)
            {
                A("<section class=\"next\" id=\"next-steps\">\n<h2>Fix first</h2>\n<ol>\n");
                foreach (var (sev, text) in next) A("<li class=\"sev-").A(SevName(sev)).A("\">").T(text).A("</li>\n");
                A("</ol>\n</section>\n");
            }
            A("</header>\n");
        }

        private void Card(string id, string valueHtml, string label, string tone)
        {
            A("<li class=\"card ").A(tone).A("\" id=\"card-").A(id).A("\"><span class=\"value\">").A(valueHtml).A("</span><span class=\"label\">").T(label).A("</span></li>\n");
        }

        private IEnumerable<(Severity, string)> NextSteps()
        {
            var steps = new List<(Severity Sev, int Order, string Text)>();
            foreach (var pair in _bank.Pairs.Where(p => p.Conflict is not null))
            {
                if (!_bank.Diagnostics.Any(d => d.RuleId == "role-inconsistency" && (d.Path == pair.A.Path || d.Path == pair.B.Path))) continue;
                steps.Add((Severity.Warning, 0, $"Tell one role for {pair.Conflict!.Work}: \"{pair.Conflict.A.Phrase}\" ({Short(pair.A)}) vs \"{pair.Conflict.B.Phrase}\" ({Short(pair.B)})."));
            }
            var gapFindings = _bank.Diagnostics.Where(d => d.RuleId == "lp-coverage-gap").ToList();
            var gapRows = _bank.Coverage.Where(r => r.IsGap).ToList();
            if (gapRows.Count > 0)
            {
                var sev = gapFindings.Any(g => g.Severity <= Severity.Warning) ? Severity.Warning : Severity.Information;
                if (gapRows.Count <= 3)
                    steps.Add((sev, 1, $"No story shows {JoinAnd(gapRows.Select(r => r.Principle.Name))}: add a story or rework one to show {(gapRows.Count == 1 ? "it" : "them")}."));
                else
                {
                    // The gaps the rule stresses (warnings) first: they are asked most and missed most.
                    var first = gapRows.OrderBy(r => gapFindings.FirstOrDefault(g => g.Message.Contains(r.Principle.Name, StringComparison.Ordinal))?.Severity ?? Severity.Hint)
                        .ThenBy(r => r.Principle.Order).Take(3).Select(r => r.Principle.Name);
                    steps.Add((sev, 1, $"No story shows {gapRows.Count} of the {_bank.Coverage.Count} principles. Start with {JoinAnd(first)}."));
                }
            }
            foreach (var s in _bank.Stories)
            {
                double m = s.Analysis.Minutes;
                if (m > _s.LimitMinutes) steps.Add((Severity.Error, 2, $"Cut {Short(s)} from {Num(m)} to under {Num(_s.MaxMinutes)} minutes."));
            }
            foreach (var cluster in _bank.DuplicateClusters)
                steps.Add((Severity.Information, 3, cluster.Count == 2
                    ? $"{Short(cluster[0])} and {Short(cluster[1])} tell the same anecdote: keep the stronger one."
                    : $"{JoinAnd(cluster.Take(4).Select(Short).Concat(cluster.Count > 4 ? new[] { $"{cluster.Count - 4} more" } : Array.Empty<string>()))} tell the same anecdote: keep the strongest one."));
            foreach (var s in _bank.Stories)
            {
                var unsupported = s.Analysis.ClaimedPrinciples.Where(p => !s.Analysis.Evidence.Any(e => e.Principle == p)).ToList();
                if (unsupported.Count > 0)
                    steps.Add((Severity.Warning, 4, $"{Short(s)} claims {JoinAnd(unsupported.Select(p => p.Name))} but shows no evidence for {(unsupported.Count == 1 ? "it" : "them")}."));
            }
            if (_bank.Diagnostics.FirstOrDefault(d => d.RuleId == "bank-size") is { } size)
                steps.Add((size.Severity, 5, size.Format(Shown)));
            return steps.OrderBy(x => x.Sev).ThenBy(x => x.Order).Select(x => (x.Sev, x.Text));
        }

        // ------------------------------------------------------------ heat map

        private void Coverage()
        {
            A("<section id=\"coverage\">\n<h2>Principles × stories</h2>\n");
            A("<p class=\"hint\">Each cell counts the evidence signals a story gives for a principle. A ringed cell is claimed in the story's front matter; ")
                .A("a red ring with 0 is claimed but not shown. A red row is a gap: no story shows that principle.</p>\n");
            Legend();
            A("<div class=\"coverage-grid\">\n<div class=\"scroll\">\n<table id=\"heatmap\" class=\"heatmap\">\n<thead>\n<tr><th class=\"corner\" scope=\"col\">Principle</th>");
            foreach (var s in _bank.Stories)
            {
                int n = _number[s.Path];
                A("<th scope=\"col\" class=\"story-col\" data-story=\"").T(s.Path).A("\" title=\"").T(TitleOf(s) + " (" + (_o.DisplayPath?.Invoke(s.Path) ?? s.Path) + ")").A("\"><a href=\"#story-").A(n.ToString(Inv)).A("\"><span class=\"num\">")
                    .A(n.ToString(Inv)).A("</span><span class=\"vt\">").T(Clip(TitleOf(s), 42)).A("</span></a></th>");
            }
            A("<th scope=\"col\" class=\"total\">Stories</th></tr>\n</thead>\n<tbody>\n");
            foreach (var row in _bank.Coverage)
            {
                var ev = row.EvidencedBy.Count();
                A("<tr data-lp=\"").T(row.Principle.Key).A("\"").A(row.IsGap ? " class=\"gap\"" : "").A(">");
                A("<th scope=\"row\" class=\"lp\" title=\"").T(row.Principle.Meaning).A("\">").T(row.Principle.Name);
                if (row.IsGap) A(" <span class=\"badge gap-badge\">gap</span>");
                A("</th>");
                foreach (var s in _bank.Stories)
                {
                    var cell = row.Cells.FirstOrDefault(c => ReferenceEquals(c.Story, s));
                    int signals = cell?.Signals ?? 0;
                    bool claimed = cell?.Claimed ?? false;
                    var cls = new StringBuilder("cell e").Append(Level(signals));
                    if (claimed) cls.Append(signals > 0 ? " claimed" : " claimed-only");
                    A("<td class=\"").A(cls.ToString()).A("\" data-story=\"").T(s.Path).A("\" data-signals=\"").A(signals.ToString(Inv))
                        .A("\" data-claimed=\"").A(claimed ? "true" : "false").A("\" title=\"").T(CellTitle(row.Principle, s, cell)).A("\">");
                    if (signals > 0 || claimed) A(signals.ToString(Inv));
                    A("</td>");
                }
                A("<td class=\"total").A(ev == 0 ? " zero" : "").A("\">").A(ev.ToString(Inv)).A("</td></tr>\n");
            }
            A("</tbody>\n</table>\n</div>\n");
            Glance();
            A("</div>\n</section>\n");
        }

        /// <summary>Beside the heat map: the gaps, the principles only one story carries, and the claims with nothing behind them.</summary>
        private void Glance()
        {
            A("<aside class=\"glance\" id=\"glance\">\n");
            var gaps = _bank.Coverage.Where(r => r.IsGap).ToList();
            A("<h4>Gaps</h4>\n");
            if (gaps.Count == 0) A("<p class=\"ok\">Every principle has at least one story.</p>\n");
            else
            {
                A("<ul class=\"gaps\">");
                foreach (var g in gaps) A("<li>").T(g.Principle.Name).A("</li>");
                A("</ul>\n");
            }
            var thin = _bank.Coverage.Where(r => r.EvidencedBy.Count() == 1).ToList();
            if (thin.Count > 0)
            {
                A("<h4>Only one story</h4>\n<p class=\"small\">If that story goes badly, nothing backs the principle up.</p>\n<ul class=\"thin\">");
                foreach (var r in thin)
                {
                    var s = r.EvidencedBy.First();
                    A("<li>").T(r.Principle.Name).A(" <a href=\"#story-").A(_number[s.Path].ToString(Inv)).A("\" class=\"ref\">").A(_number[s.Path].ToString(Inv)).A("</a></li>");
                }
                A("</ul>\n");
            }
            var claimedOnly = _bank.Stories.Select(s => (Story: s, Lps: _bank.Coverage.Where(r => r.ClaimedOnlyBy.Contains(s)).Select(r => r.Principle.Name).ToList()))
                .Where(x => x.Lps.Count > 0).ToList();
            if (claimedOnly.Count > 0)
            {
                A("<h4>Claimed, not shown</h4>\n<ul class=\"claimed-only-list\">");
                foreach (var (s, lps) in claimedOnly)
                    A("<li><a href=\"#story-").A(_number[s.Path].ToString(Inv)).A("\" class=\"ref\">").A(_number[s.Path].ToString(Inv)).A("</a> ").T(JoinAnd(lps)).A("</li>");
                A("</ul>\n");
            }
            A("</aside>\n");
        }

        private void Legend()
        {
            A("<ul class=\"legend\" aria-label=\"Legend\">");
            A("<li><span class=\"swatch cell e1\">1</span> one signal</li>");
            A("<li><span class=\"swatch cell e2\">2</span> two</li>");
            A("<li><span class=\"swatch cell e3\">3</span> three or four</li>");
            A("<li><span class=\"swatch cell e4\">5</span> five or more</li>");
            A("<li><span class=\"swatch cell e2 claimed\">2</span> claimed in front matter</li>");
            A("<li><span class=\"swatch cell e0 claimed-only\">0</span> claimed, no evidence</li>");
            A("<li><span class=\"swatch gap-swatch\"></span> gap: no story</li>");
            A("</ul>\n");
        }

        private static int Level(int signals) => signals switch { <= 0 => 0, 1 => 1, 2 => 2, <= 4 => 3, _ => 4 };

        private static string CellTitle(Principle p, BankStory s, CoverageCell? cell)
        {
            string head = $"{p.Name} in \"{TitleOf(s)}\": ";
            if (cell is null) return head + "no evidence, not claimed.";
            string what = cell.Signals == 0 ? "claimed, but no evidence in the story." :
                $"{cell.Signals} {(cell.Signals == 1 ? "signal" : "signals")}{(cell.Claimed ? ", claimed" : ", not claimed")}.";
            if (cell.Strongest is { } st) what += $" Strongest: \"{Clip(st.Text, 80)}\" ({st.Reason}).";
            return head + what;
        }

        // ------------------------------------------------------------ minutes

        private void Minutes()
        {
            double scaleMax = Math.Max(_s.LimitMinutes + 1, Math.Ceiling(_bank.Stories.Select(s => s.Analysis.Minutes).DefaultIfEmpty(0).Max() + 0.5));
            const double width = 560, left = 0;
            double X(double m) => left + Math.Min(m, scaleMax) / scaleMax * width;

            A("<section id=\"minutes\">\n<h2>Spoken length</h2>\n");
            A("<p class=\"hint\">").T($"At {_s.WordsPerMinute.ToString("0.#", Inv)} words per minute. The green band is the target ({Num(_s.MinMinutes)}-{Num(_s.MaxMinutes)} min); past the red line ({Num(_s.LimitMinutes)} min) the interviewer will cut in.").A("</p>\n");
            A("<table class=\"minutes\" id=\"minutes-table\">\n<thead><tr><th scope=\"col\">Story</th><th scope=\"col\" class=\"axis\">");
            Svg(width, 18, () =>
            {
                for (int m = 0; m <= (int)scaleMax; m++)
                    A($"<text class=\"tick\" x=\"{F(X(m))}\" y=\"13\" text-anchor=\"{(m == 0 ? "start" : m == (int)scaleMax ? "end" : "middle")}\">{m} min</text>");
            });
            A("</th><th scope=\"col\" class=\"num-col\">Minutes</th></tr></thead>\n<tbody>\n");
            foreach (var s in _bank.Stories)
            {
                double m = s.Analysis.Minutes;
                string band = Band(m);
                A("<tr class=\"").A(band).A("\" data-story=\"").T(s.Path).A("\" data-minutes=\"").A(m.ToString("0.00", Inv)).A("\">");
                A("<th scope=\"row\"><a href=\"#story-").A(_number[s.Path].ToString(Inv)).A("\">").A(_number[s.Path].ToString(Inv)).A(". ").T(Clip(TitleOf(s), 48)).A("</a></th><td class=\"bar\">");
                Svg(width, 22, () =>
                {
                    A($"<rect class=\"track\" x=\"0\" y=\"8\" width=\"{F(width)}\" height=\"6\" rx=\"3\"/>");
                    A($"<rect class=\"band\" x=\"{F(X(_s.MinMinutes))}\" y=\"2\" width=\"{F(X(_s.MaxMinutes) - X(_s.MinMinutes))}\" height=\"18\" rx=\"2\"/>");
                    A($"<line class=\"limit\" x1=\"{F(X(_s.LimitMinutes))}\" x2=\"{F(X(_s.LimitMinutes))}\" y1=\"0\" y2=\"22\"/>");
                    A($"<rect class=\"value {band}\" x=\"0\" y=\"7\" width=\"{F(Math.Max(2, X(m)))}\" height=\"8\" rx=\"4\"/>");
                    A($"<circle class=\"dot {band}\" cx=\"{F(Math.Max(5, X(m)))}\" cy=\"11\" r=\"5\"/>");
                });
                A("</td><td class=\"num-col\"><span class=\"min ").A(band).A("\">").A(Num(m)).A("</span> <span class=\"band-label\">").T(BandLabel(band)).A("</span></td></tr>\n");
            }
            A("</tbody>\n</table>\n</section>\n");
        }

        private void Svg(double width, double height, Action body)
        {
            A($"<svg class=\"chart\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" height=\"{F(height)}\" preserveAspectRatio=\"none\" role=\"img\" aria-hidden=\"true\" focusable=\"false\">");
            body();
            A("</svg>");
        }

        private string Band(double m) => m > _s.LimitMinutes ? "over" : m > _s.MaxMinutes ? "long" : m < _s.MinMinutes ? "short" : "in-band";

        private static string BandLabel(string band) => band switch
        {
            "over" => "over the limit",
            "long" => "too long",
            "short" => "short",
            _ => "in the band",
        };

        // ------------------------------------------------------------ findings

        private void BankFindings()
        {
            var bankWide = _bank.Diagnostics.Where(d => d.Path is null).ToList();
            var pairs = _bank.Pairs.Where(p => p.Conflict is not null && Reported("role-inconsistency", p)).ToList();
            var clusters = _bank.DuplicateClusters;
            A("<section id=\"bank-findings\">\n<h2>Across the bank</h2>\n");
            if (bankWide.Count == 0 && pairs.Count == 0 && clusters.Count == 0 && _o.Unreadable.Count == 0)
            {
                A("<p class=\"ok\">No bank-wide findings: every principle has a story, and no two stories disagree or repeat each other.</p>\n</section>\n");
                return;
            }
            A("<ul class=\"findings\">\n");
            foreach (var p in pairs)
            {
                if (p.Conflict is { } c && Reported("role-inconsistency", p))
                {
                    var d = _bank.Diagnostics.First(x => x.RuleId == "role-inconsistency" && (x.Path == p.A.Path || x.Path == p.B.Path));
                    A("<li class=\"finding sev-").A(SevName(d.Severity)).A("\" data-rule=\"role-inconsistency\">");
                    Sev(d.Severity);
                    A("<span class=\"msg\">").T($"Your role in {c.Work} differs: ").A("<q>").T(c.A.Phrase).A("</q> in ");
                    StoryLink(p.A); A(" but <q>").T(c.B.Phrase).A("</q> in "); StoryLink(p.B);
                    A(". Interviewers compare notes: tell the same role in every story.</span> <code class=\"rule\">role-inconsistency</code></li>\n");
                }
            }
            foreach (var cluster in clusters)
            {
                var d = _bank.Diagnostics.First(x => x.RuleId == "duplicate-story" && x.Path == cluster[0].Path);
                A("<li class=\"finding sev-").A(SevName(d.Severity)).A("\" data-rule=\"duplicate-story\">");
                Sev(d.Severity);
                A("<span class=\"msg\">");
                for (int i = 0; i < cluster.Count; i++)
                {
                    if (i > 0) A(i == cluster.Count - 1 ? " and " : ", ");
                    StoryLink(cluster[i]);
                }
                A(cluster.Count == 2
                    ? " tell mostly the same anecdote. Keep the stronger one and use the slot for another principle."
                    : " tell mostly the same anecdote. Keep the strongest one and use the other slots for other principles.");
                A("</span> <code class=\"rule\">duplicate-story</code></li>\n");
            }
            foreach (var d in bankWide.OrderBy(d => d.Severity))
            {
                A("<li class=\"finding sev-").A(SevName(d.Severity)).A("\" data-rule=\"").T(d.RuleId).A("\">");
                Sev(d.Severity);
                A("<span class=\"msg\">").T(d.Format(Shown)).A("</span> <code class=\"rule\">").T(d.RuleId).A("</code></li>\n");
            }
            foreach (var (path, error) in _o.Unreadable)
            {
                A("<li class=\"finding sev-error\" data-rule=\"unreadable\">");
                Sev(Severity.Error);
                A("<span class=\"msg\"><code>").T(path).A("</code>: ").T(error).A("</span></li>\n");
            }
            A("</ul>\n</section>\n");
        }

        private bool Reported(string rule, StoryPair p) => _bank.Diagnostics.Any(d => d.RuleId == rule && (d.Path == p.A.Path || d.Path == p.B.Path));

        private void StoryLink(BankStory s) =>
            A("<a href=\"#story-").A(_number[s.Path].ToString(Inv)).A("\">").T(TitleOf(s)).A("</a>");

        private void Stories()
        {
            A("<section id=\"stories\">\n<h2>Story by story</h2>\n");
            foreach (var s in _bank.Stories) Story(s);
            A("</section>\n");
        }

        private void Story(BankStory s)
        {
            var a = s.Analysis;
            int n = _number[s.Path];
            string band = Band(a.Minutes);
            A("<article class=\"story\" id=\"story-").A(n.ToString(Inv)).A("\" data-story=\"").T(s.Path).A("\">\n");
            A("<header><h3><span class=\"num\">").A(n.ToString(Inv)).A("</span>").T(TitleOf(s)).A("</h3>\n");
            A("<p class=\"meta\"><code>").T(_o.DisplayPath?.Invoke(s.Path) ?? s.Path).A("</code>");
            if (a.Document.FrontMatter?.Project?.Value is { Length: > 0 } project) A(" · project ").T(project);
            if (a.Document.FrontMatter?.Role?.Value is { Length: > 0 } role) A(" · role ").T(role);
            A(" · ").A(a.Words.ToString(Inv)).A(" words · <span class=\"min ").A(band).A("\">").A(Num(a.Minutes)).A(" min</span> <span class=\"band-label\">").T(BandLabel(band)).A("</span></p>\n");
            if (a.Document.FrontMatter?.Question?.Value is { Length: > 0 } question) A("<p class=\"question\">").T(question).A("</p>\n");
            A("</header>\n");

            // Principles: claimed (shown or not), then shown without a claim.
            var claimed = a.ClaimedPrinciples.ToList();
            var evidence = a.Evidence.ToDictionary(e => e.Principle);
            A("<ul class=\"chips\">");
            foreach (var p in claimed)
            {
                if (evidence.TryGetValue(p, out var ev))
                    A("<li class=\"chip shown\" title=\"").T($"Strongest: \"{Clip(ev.Strongest.Text, 80)}\" ({ev.Strongest.Reason})").A("\"><span class=\"mark\">✓</span>").T(p.Name).A(" <small>").A(ev.Signals.ToString(Inv)).A("</small></li>");
                else
                    A("<li class=\"chip unshown\" title=\"Claimed in front matter, but no sentence shows it\"><span class=\"mark\">✗</span>").T(p.Name).A(" <small>no evidence</small></li>");
            }
            foreach (var bad in a.Claims.Where(c => c.Principle is null))
                A("<li class=\"chip unknown\" title=\"Not one of the 16 principles\"><span class=\"mark\">?</span>").T(bad.Value.Value).A("</li>");
            var also = a.Evidence.Where(e => !claimed.Contains(e.Principle)).OrderByDescending(e => e.Signals).ToList();
            if (also.Count > 0) A("<li class=\"chip-label\">also shows</li>");
            foreach (var e in also)
                A("<li class=\"chip also\" title=\"Shown but not claimed\">").T(e.Principle.Name).A(" <small>").A(e.Signals.ToString(Inv)).A("</small></li>");
            A("</ul>\n");

            A("<div class=\"cols\">\n<div class=\"followups\">\n<h4>A bar raiser will likely ask</h4>\n<ol>\n");
            // The drill: each question with the sentence that prompted it.
            foreach (var q in Drill.DrillSheet.For(a, _bank.DiagnosticsFor(s.Path)))
            {
                A("<li data-kind=\"").T(Drill.DrillSheet.KindName(q.Kind)).A("\"><span class=\"q\">").T(q.Question).A("</span><span class=\"why\">")
                    .T(q.Reason).T(": \u201C").T(q.Quote).T("\u201D").A("</span></li>\n");
            }
            A("</ol>\n</div>\n<div class=\"story-findings\">\n<h4>Findings</h4>\n");
            var findings = a.Diagnostics.Select(d => (d.Severity, d.RuleId, d.Message, Line: (int?)d.Range.Start.Line, Bank: false, Related: (IReadOnlyList<RelatedStory>)Array.Empty<RelatedStory>()))
                .Concat(_bank.DiagnosticsFor(s.Path).Select(d => (d.Severity, d.RuleId, Message: d.Format(Shown), Line: d.Location?.Start.Line, Bank: true, d.Related)))
                .OrderBy(f => f.Severity).ThenBy(f => f.Line ?? -1).ToList();
            if (findings.Count == 0) A("<p class=\"ok\">No findings. Rehearse it out loud.</p>\n");
            else
            {
                var counts = findings.GroupBy(f => f.Severity).OrderBy(g => g.Key).Select(g => $"{g.Count()} {SevLabel(g.Key, g.Count())}");
                A("<p class=\"counts\">").T(string.Join(" · ", counts)).A("</p>\n<ul class=\"findings\">\n");
                foreach (var f in findings)
                {
                    A("<li class=\"finding sev-").A(SevName(f.Severity)).A("\" data-rule=\"").T(f.RuleId).A("\">");
                    Sev(f.Severity);
                    if (f.Line is { } line) A("<span class=\"line\">line ").A((line + 1).ToString(Inv)).A("</span> ");
                    A("<span class=\"msg\">").T(f.Message).A("</span> <code class=\"rule\">").T(f.RuleId).A("</code>");
                    if (f.Bank) A(" <span class=\"badge bank-badge\">bank</span>");
                    foreach (var rel in f.Related)
                        if (_bank.Stories.FirstOrDefault(x => x.Path == rel.Path) is { } other) { A(" <span class=\"related\">see "); StoryLink(other); A("</span>"); }
                    A("</li>\n");
                }
                A("</ul>\n");
            }
            A("</div>\n</div>\n</article>\n");
        }

        /// <summary>Design answers, then PR/FAQs, each in its own section: spoken minutes (and the timebox for a design answer) and the findings.</summary>
        private void PracticeFiles()
        {
            foreach (var (kind, id, heading) in new[] { (Practice.PracticeKind.Design, "design-answers", "Design answers"), (Practice.PracticeKind.PrFaq, "prfaqs", "PR/FAQs") })
            {
                var files = _o.Practice.Where(p => p.Analysis.Kind == kind).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
                if (files.Count == 0) continue;
                A("<section id=\"").A(id).A("\">\n<h2>").T(heading).A("</h2>\n");
                foreach (var (path, a) in files)
                {
                    A("<article class=\"story practice\" data-file=\"").T(path).A("\">\n<header><h3>").T(a.Document.Title ?? path).A("</h3>\n");
                    A("<p class=\"meta\"><code>").T(_o.DisplayPath?.Invoke(path) ?? path).A("</code> · ").A(a.Words.ToString(Inv)).A(" words · ").A(Num(a.Minutes)).A(" min spoken</p>\n</header>\n");
                    if (a.Design is { } d)
                    {
                        A("<table class=\"timebox\">\n<thead><tr><th scope=\"col\">Phase</th><th scope=\"col\">Spoken</th><th scope=\"col\">Timebox</th></tr></thead>\n<tbody>\n");
                        foreach (var p in d.Phases)
                            A("<tr><td>").T(p.Name).A("</td><td>").A(Num(p.Minutes)).A(" min</td><td>").A(p.TargetMinutes.ToString("0", Inv)).A(" min</td></tr>\n");
                        A("</tbody>\n</table>\n");
                    }
                    if (a.Diagnostics.Count == 0) A("<p class=\"ok\">No findings.</p>\n");
                    else
                    {
                        A("<ul class=\"findings\">\n");
                        foreach (var f in a.Diagnostics.OrderBy(f => f.Severity).ThenBy(f => f.Range.Start.Line))
                        {
                            A("<li class=\"finding sev-").A(SevName(f.Severity)).A("\" data-rule=\"").T(f.RuleId).A("\">");
                            Sev(f.Severity);
                            A("<span class=\"line\">line ").A((f.Range.Start.Line + 1).ToString(Inv)).A("</span> <span class=\"msg\">").T(f.Message).A("</span> <code class=\"rule\">").T(f.RuleId).A("</code></li>\n");
                        }
                        A("</ul>\n");
                    }
                    A("</article>\n");
                }
                A("</section>\n");
            }
        }

        private void Sev(Severity s) => A("<span class=\"sev\">").T(SevLabel(s, 1)).A("</span> ");

        private void Footer()
        {
            A("<footer><p>Made by PmPrep on this machine. Nothing in this report was sent anywhere.");
            if (_o.Generated is { } g) A(" Generated ").T(g.ToString("yyyy-MM-dd HH:mm", Inv)).A(".");
            A("</p></footer>\n");
        }

        private IEnumerable<(Severity Severity, string Rule)> AllFindings() =>
            _bank.Stories.SelectMany(s => s.Analysis.Diagnostics.Select(d => (d.Severity, d.RuleId)))
                .Concat(_bank.Diagnostics.Select(d => (d.Severity, d.RuleId)));
    }

    // ------------------------------------------------------------ helpers

    internal static string TitleOf(BankStory s)
    {
        var t = s.Analysis.Document.Title;
        if (!string.IsNullOrWhiteSpace(t)) return t.Trim();
        var name = Path.GetFileName(s.Path.Replace('\\', '/'));
        return name.EndsWith(".story.md", StringComparison.OrdinalIgnoreCase) ? name[..^".story.md".Length] : name;
    }

    private static string Short(BankStory s) => "\u201C" + Clip(TitleOf(s), 40) + "\u201D";

    private static string Clip(string s, int max)
    {
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "\u2026";
    }

    private static string JoinAnd(IEnumerable<string> items)
    {
        var l = items.ToList();
        return l.Count switch { 0 => "", 1 => l[0], 2 => l[0] + " and " + l[1], _ => string.Join(", ", l.Take(l.Count - 1)) + " and " + l[^1] };
    }

    private static string Num(double d) => d.ToString("0.0", Inv);
    private static string F(double d) => d.ToString("0.##", Inv);
    private static string Plural(int n, string one, string many) => n == 1 ? one : many;
    private static string SevName(Severity s) => RuleInfo.SeverityName(s);
    private static string SevLabel(Severity s, int n) => s switch
    {
        Severity.Error => n == 1 ? "error" : "errors",
        Severity.Warning => n == 1 ? "warning" : "warnings",
        Severity.Information => "info",
        _ => n == 1 ? "hint" : "hints",
    };

    /// <summary>HTML-escapes text for element content and attribute values (also valid XML).</summary>
    internal static string Enc(string s) => WebUtility.HtmlEncode(s);
}
