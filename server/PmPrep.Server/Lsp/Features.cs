using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Fixes;
using PmPrep.Core.Model;
using PmPrep.Core.Signals;
using PmPrep.Core.Text;
using PmPrep.Server.Lsp.Protocol;
using CoreDiagnostic = PmPrep.Core.Analysis.Diagnostic;
using CoreTextEdit = PmPrep.Core.Text.TextEdit;

namespace PmPrep.Server.Lsp;

/// <summary>
/// The LSP features as pure functions of one story's analysis: no state, no I/O, so each is
/// tested directly and the server only adds ordering and transport.
/// </summary>
public static class Features
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static LspRange ToLsp(TextRange r) => new(new(r.Start.Line, r.Start.Character), new(r.End.Line, r.End.Character));
    public static LspRange Range(StoryAnalysis a, int start, int end) => ToLsp(a.Document.Lines.GetRange(start, end));
    private static int Offset(StoryAnalysis a, LspPosition p) => a.Document.Lines.GetOffset(new Position(p.Line, p.Character), a.Document.Text);

    // ------------------------------------------------------------------ diagnostics

    public static LspDiagnostic ToLsp(CoreDiagnostic d, DocsLinks docs) => new()
    {
        Range = ToLsp(d.Range),
        Severity = (int)d.Severity,
        Code = d.RuleId,
        CodeDescription = docs.For(d.RuleId) is { } href ? new CodeDescription { Href = href } : null,
        Source = "pmprep",
        Message = d.Message,
    };

    public static List<LspDiagnostic> Diagnostics(StoryAnalysis a, DocsLinks docs) => a.Diagnostics.Select(d => ToLsp(d, docs)).ToList();

    // ------------------------------------------------------------------ hover

    /// <param name="bankFindings">The bank's findings on this story, for the title hover's follow-up questions; called only on the title.</param>
    public static Hover? Hover(StoryAnalysis a, LspPosition position, DocsLinks docs, Func<IEnumerable<Diagnostic>>? bankFindings = null)
    {
        int offset = Offset(a, position);
        var sections = new List<string>();
        (int Start, int End)? span = null;
        void Take(int s, int e) => span = span is null ? (s, e) : (Math.Max(span.Value.Start, s), Math.Min(span.Value.End, e)) is var x && x.Item1 < x.Item2 ? x : span;

        foreach (var (ts, te) in TitleSpans(a.Document))
        {
            if (ts > offset || offset > te) continue;
            sections.Add(TitleHover(a, bankFindings?.Invoke()));
            Take(ts, te);
            break;
        }
        if (PracticeFeatures.HeadingHover(a, offset) is { } hh)
        {
            sections.Add(hh.Text);
            Take(hh.Start, hh.End);
        }

        // Findings folded into another on the same words get their own section under it.
        foreach (var d in a.Diagnostics.Concat(a.Folded))
        {
            if (d.Start > offset || offset > d.End || (d.End == d.Start && offset != d.Start)) continue;
            sections.Add(DiagnosticHover(d, docs));
            Take(d.Start, d.End);
        }
        foreach (var s in a.Signals)
        {
            if (s.Start > offset || offset > s.End) continue;
            sections.Add(SignalHover(s));
            Take(s.Start, s.End);
        }
        foreach (var (value, principle) in a.Claims)
        {
            if (principle is null || value.SourceStart > offset || offset > value.SourceEnd) continue;
            sections.Add(ClaimHover(a, principle));
            Take(value.SourceStart, value.SourceEnd);
        }
        if (sections.Count == 0) return null;
        return new Hover
        {
            Contents = new MarkupContent { Kind = "markdown", Value = string.Join("\n\n---\n\n", sections) },
            Range = span is { } sp ? Range(a, sp.Start, sp.End) : null,
        };
    }

    /// <summary>Where the story's title is written: the front-matter `title` value and the H1.</summary>
    private static IEnumerable<(int Start, int End)> TitleSpans(StoryDocument doc)
    {
        if (doc.FrontMatter?.Title is { } ft && ft.SourceEnd > ft.SourceStart) yield return (ft.SourceStart, ft.SourceEnd);
        if (doc.TitleHeading is { } th && th.SourceEnd > th.SourceStart) yield return (th.SourceStart, th.SourceEnd);
    }

    /// <summary>On the title: spoken length against the band, and the three questions a bar raiser is most likely to ask.</summary>
    private static string TitleHover(StoryAnalysis a, IEnumerable<Diagnostic>? bankFindings)
    {
        if (PracticeFeatures.Applies(a)) return PracticeFeatures.TitleHover(a);
        var s = a.Settings;
        string band = a.Minutes > s.MaxMinutes ? "over the " : a.Minutes < s.MinMinutes ? "under the " : "inside the ";
        var sb = new StringBuilder();
        sb.Append("**").Append(Minutes(a)).Append(" min spoken** · ").Append(a.Words).Append(" words at ")
          .Append(s.WordsPerMinute.ToString("0", Inv)).Append(" wpm, ").Append(band)
          .Append(s.MinMinutes.ToString("0.0", Inv)).Append('–').Append(s.MaxMinutes.ToString("0.0", Inv)).Append(" min band\n\n");
        if (a.Decisions.Total > 0) sb.Append("**").Append(a.Decisions.Summary).Append("**\n\n");
        if (a.PartsInferred)
            sb.Append("*Parts inferred from the content* (the story has no headings): ")
              .Append(string.Join(", ", a.PartStats.Select(ps => $"{ps.Part.Kind} {Seconds(ps)}")))
              .Append(". Add `## Context`, `## Decision`, `## Impact` and `## Reflection` headings to set them yourself.\n\n");
        // The drill: follow-ups chosen from what this story lacks or asserts, each quoting its sentence.
        sb.Append(Core.Drill.DrillSheet.Markdown(Core.Drill.DrillSheet.For(a, bankFindings)));
        return sb.ToString();
    }

    private static string DiagnosticHover(CoreDiagnostic d, DocsLinks docs)
    {
        var rule = EngineData.Default.RulesById.TryGetValue(d.RuleId, out var r) ? r : null;
        var sb = new StringBuilder();
        sb.Append("**").Append(rule?.Title ?? d.RuleId).Append("** · `").Append(d.RuleId).Append("`\n\n");
        sb.Append(d.Message);
        if (rule is not null)
        {
            if (!string.IsNullOrWhiteSpace(rule.Why)) sb.Append("\n\n*Why it hurts:* ").Append(rule.Why.Trim());
            if (!string.IsNullOrWhiteSpace(rule.Weak)) sb.Append("\n\n*Weak:* ").Append(Quote(rule.Weak));
            if (!string.IsNullOrWhiteSpace(rule.Strong)) sb.Append("\n\n*Strong:* ").Append(Quote(rule.Strong));
        }
        if (docs.For(d.RuleId) is { } href) sb.Append("\n\n[Rule documentation](").Append(href).Append(')');
        return sb.ToString();
    }

    internal const string OwnershipFollowUp = "What exactly did you do yourself, and what would have happened if you had not?";

    private static string SignalHover(LpSignal s)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(s.Label).Append("** ").Append(s.Strong ? "(strong evidence)" : "(evidence)").Append("\n\n");
        sb.Append(Quote(s.Text)).Append(" — ").Append(s.Reason.Trim());
        string followUp = FollowUp(s);
        sb.Append("\n\n*A bar raiser may ask:* ").Append(followUp);
        return sb.ToString();
    }

    /// <summary>One of the principle's follow-up questions, chosen by the evidence text so it is stable while the user types elsewhere.</summary>
    public static string FollowUp(LpSignal s)
    {
        var list = s.Principle?.FollowUps;
        if (list is null || list.Count == 0) return OwnershipFollowUp;
        uint h = 2166136261;
        foreach (char c in s.Text.ToLowerInvariant()) h = (h ^ c) * 16777619;
        return list[(int)(h % (uint)list.Count)].Trim();
    }

    private static string ClaimHover(StoryAnalysis a, Principle p)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(p.Name).Append("** (claimed)\n\n").Append(p.Meaning.Trim());
        var found = a.Signals.Where(s => s.Principle == p).OrderByDescending(s => s.Strong).ThenBy(s => s.Start).ToList();
        if (found.Count == 0)
        {
            sb.Append("\n\n**No evidence in this story yet.** Nothing in the body shows ").Append(p.Name)
              .Append(": add a moment where you act on it, or drop the claim.");
        }
        else
        {
            sb.Append("\n\n**Evidence in this story** (").Append(found.Count).Append(found.Count == 1 ? " signal" : " signals").Append("):\n");
            foreach (var s in found.Take(6))
                sb.Append("\n- line ").Append(s.Range.Start.Line + 1).Append(": ").Append(Quote(s.Text)).Append(" — ").Append(s.Reason.Trim());
            if (found.Count > 6) sb.Append("\n- … and ").Append(found.Count - 6).Append(" more");
        }
        if (p.FollowUps.Count > 0) sb.Append("\n\n*A bar raiser may ask:* ").Append(p.FollowUps[0].Trim());
        return sb.ToString();
    }

    private static string Quote(string s) => "“" + s.Trim().Replace("\n", " ").Replace("\r", "") + "”";

    // ------------------------------------------------------------------ code actions

    public static bool Wants(List<string>? only, string kind) =>
        only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    /// <summary>
    /// Quick fixes for the findings that touch the range: each fix of the finding (choices are
    /// titled as choices; a fix with a placeholder is a snippet when <paramref name="snippets"/>),
    /// then "Disable RULE for this line" and "Disable RULE in this file"; and fix-all (only the
    /// meaning-preserving fixes) when asked for.
    /// </summary>
    public static List<CodeAction> CodeActions(StoryAnalysis a, string clientUri, CodeActionParams p, DocsLinks docs, bool snippets = false)
    {
        var actions = new List<CodeAction>();
        int start = Offset(a, p.Range.Start), end = Offset(a, p.Range.End);
        if (end < start) (start, end) = (end, start);
        if (Wants(p.Context.Only, CodeActionKinds.QuickFix))
        {
            var disables = new List<CodeAction>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in a.Diagnostics)
            {
                // The fixes of findings folded into this one (same words) are offered on its squiggle.
                var fixes = d.Also.Count == 0 ? d.Fixes
                    : d.Fixes.Concat(a.Folded.Where(f => f.FoldedInto == d.RuleId && f.Start == d.Start).SelectMany(f => f.Fixes)).ToList();
                bool touches = d.Start <= end && start <= d.End;
                bool named = p.Context.Diagnostics.Any(cd => cd.Code == d.RuleId && cd.Range == ToLsp(d.Range));
                if (!touches && !named) continue;
                var lspDiag = ToLsp(d, docs);
                foreach (var fix in fixes)
                {
                    actions.Add(new CodeAction
                    {
                        Title = fix.Title,
                        Kind = CodeActionKinds.QuickFix,
                        Diagnostics = new() { lspDiag },
                        IsPreferred = fix.Preferred ? true : null,
                        Edit = Edit(a, clientUri, fix.Edits, snippets),
                    });
                }
                // Every finding can be silenced, once per rule and line.
                if (Suppress.ForLine(a.Document, d.RuleId, d.Start) is { } line && seen.Add("line " + d.RuleId + " " + d.Range.Start.Line))
                    disables.Add(new CodeAction
                    {
                        Title = Suppress.LineTitle(d.RuleId),
                        Kind = CodeActionKinds.QuickFix,
                        Diagnostics = new() { lspDiag },
                        Edit = Edit(a, clientUri, new[] { line }),
                    });
                if (seen.Add("file " + d.RuleId))
                    disables.Add(new CodeAction
                    {
                        Title = Suppress.FileTitle(d.RuleId),
                        Kind = CodeActionKinds.QuickFix,
                        Diagnostics = new() { lspDiag },
                        Edit = Edit(a, clientUri, new[] { Suppress.ForFile(a.Document, d.RuleId) }),
                    });
            }
            // The fixes first, the ways to silence a rule after them.
            actions.AddRange(disables);
        }
        if (Wants(p.Context.Only, CodeActionKinds.FixAll) && FixAllAction(a, clientUri) is { } all)
            actions.Add(all);
        return actions;
    }

    public static CodeAction? FixAllAction(StoryAnalysis a, string clientUri)
    {
        if (!FixAll.HasAny(a)) return null;
        string before = a.Document.Text;
        string after = FixAll.Apply(before, a.Settings, out int n);
        var edit = FixAll.Minimal(before, after);
        if (edit is null || n == 0) return null;
        return new CodeAction
        {
            // Only fixes that keep what the story claims: who acted is the author's choice.
            Title = n == 1 ? "Fix 1 PmPrep issue (meaning kept)" : $"Fix all {n} PmPrep issues that keep the meaning",
            Kind = CodeActionKinds.FixAll,
            Edit = Edit(a, clientUri, new[] { edit }),
        };
    }

    private static WorkspaceEdit Edit(StoryAnalysis a, string uri, IEnumerable<CoreTextEdit> edits, bool snippets = false)
    {
        var list = edits.ToList();
        if (snippets && SnippetEdits(a, list) is { } withSnippet)
            return new WorkspaceEdit
            {
                DocumentChanges = new() { new TextDocumentEdit { TextDocument = new() { Uri = uri, Version = null }, Edits = withSnippet } },
            };
        return new() { Changes = new() { [uri] = list.Select(e => new LspTextEdit(Range(a, e.Start, e.End), e.NewText)).ToList() } };
    }

    /// <summary>
    /// The edits with the first placeholder, in document order, as an LSP 3.18 snippet
    /// (<c>${1:[who]}</c>) so that the editor selects it and the author types over it; null when
    /// no edit has a placeholder. The other edits stay plain.
    /// </summary>
    internal static List<SnippetTextEdit>? SnippetEdits(StoryAnalysis a, IReadOnlyList<CoreTextEdit> edits)
    {
        int first = -1;
        (int Start, int Length) ph = default;
        var order = edits.Select((e, i) => (e, i)).OrderBy(x => x.e.Start).ToList();
        foreach (var (e, i) in order)
            if (Templates.FirstPlaceholder(e.NewText) is { } found) { first = i; ph = found; break; }
        if (first < 0) return null;
        var result = new List<SnippetTextEdit>(edits.Count);
        for (int i = 0; i < edits.Count; i++)
        {
            var e = edits[i];
            var range = Range(a, e.Start, e.End);
            if (i != first) { result.Add(new SnippetTextEdit { Range = range, NewText = e.NewText }); continue; }
            string t = e.NewText;
            string snippet = SnippetEscape(t[..ph.Start]) + "${1:" + SnippetEscape(t.Substring(ph.Start, ph.Length)) + "}" + SnippetEscape(t[(ph.Start + ph.Length)..]);
            result.Add(new SnippetTextEdit { Range = range, Snippet = new StringValue { Value = snippet } });
        }
        return result;
    }

    /// <summary>Snippet syntax: "$", "}" and "\" are literal only when escaped.</summary>
    internal static string SnippetEscape(string s)
    {
        if (s.IndexOfAny(new[] { '$', '}', '\\' }) < 0) return s;
        var sb = new StringBuilder(s.Length + 4);
        foreach (char c in s)
        {
            if (c is '$' or '}' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ symbols

    public static List<DocumentSymbol> Symbols(StoryAnalysis a, string fileName)
    {
        if (PracticeFeatures.Applies(a)) return PracticeFeatures.Symbols(a, fileName);
        var doc = a.Document;
        var whole = Range(a, 0, doc.Text.Length);
        var titleSel = doc.TitleHeading is { } th ? Range(a, th.SourceStart, th.SourceEnd)
            : doc.FrontMatter?.Title is { } ft ? Range(a, ft.SourceStart, ft.SourceEnd)
            : Range(a, 0, 0);
        var root = new DocumentSymbol
        {
            Name = string.IsNullOrWhiteSpace(doc.Title) ? fileName : doc.Title!,
            Detail = $"{Minutes(a)} min · {a.Words} words",
            Kind = SymbolKinds.Module,
            Range = whole,
            SelectionRange = titleSel,
            Children = new(),
        };
        foreach (var ps in a.PartStats)
        {
            var part = ps.Part;
            int pStart = part.SourceStart, pEnd = Math.Max(part.SourceEnd, pStart);
            var signals = a.Signals.Where(s => s.Start >= pStart && s.Start < Math.Max(pEnd, pStart + 1)).ToList();
            foreach (var s in signals) pEnd = Math.Max(pEnd, s.End);
            var sel = part.Heading is { } h ? Range(a, h.SourceStart, h.SourceEnd) : Range(a, pStart, pStart);
            if (part.Heading is { } hh) { pStart = Math.Min(pStart, hh.SourceStart); pEnd = Math.Max(pEnd, hh.SourceEnd); }
            root.Children.Add(new DocumentSymbol
            {
                Name = string.IsNullOrWhiteSpace(part.Name) ? part.Kind.ToString() : part.Name,
                Detail = Seconds(ps),
                Kind = SymbolKinds.Namespace,
                Range = Range(a, pStart, pEnd),
                SelectionRange = sel,
                Children = signals.Select(s => new DocumentSymbol
                {
                    Name = s.Label,
                    Detail = Quote(s.Text),
                    Kind = s.Principle is null ? SymbolKinds.Key : SymbolKinds.Event,
                    Range = ToLsp(s.Range),
                    SelectionRange = ToLsp(s.Range),
                }).ToList(),
            });
        }
        return new() { root };
    }

    public static string Minutes(StoryAnalysis a) => a.Minutes.ToString("0.0", Inv);

    public static string Seconds(PartStat ps) =>
        ps.TargetSeconds is { } t
            ? $"{ps.Seconds.ToString("0", Inv)} s of {t.ToString("0", Inv)} s"
            : $"{ps.Seconds.ToString("0", Inv)} s";

    // ------------------------------------------------------------------ code lens

    public const string ShowCoverageCommand = "pmprep.showCoverage";

    public static List<CodeLens> CodeLenses(StoryAnalysis a)
    {
        if (PracticeFeatures.Applies(a)) return PracticeFeatures.CodeLenses(a);
        var doc = a.Document;
        var range = doc.TitleHeading is { } th ? Range(a, th.SourceStart, th.SourceEnd)
            : doc.FrontMatter?.Title is { } ft ? Range(a, ft.SourceStart, ft.SourceEnd)
            : Range(a, 0, 0);
        var s = a.Settings;
        string band = a.Minutes > s.MaxMinutes ? $" (over {s.MaxMinutes.ToString("0.0", Inv)})"
            : a.Minutes < s.MinMinutes ? $" (under {s.MinMinutes.ToString("0.0", Inv)})" : "";
        // The same count no-own-decision reports ("decisions: 1 of 3 yours"), from one engine function.
        string decisions = a.Decisions.Total > 0 ? $" · {a.Decisions.Lens}" : "";
        string inferred = a.PartsInferred ? " · parts inferred" : "";
        var lenses = new List<CodeLens>
        {
            new() { Range = range, Command = new Command { Title = $"{Minutes(a)} min spoken{band} · {a.Words} words{decisions}{inferred}", CommandId = "" } },
        };
        var claimed = a.ClaimedPrinciples.ToList();
        var evidenced = a.Evidence.Select(e => e.Principle).ToList();
        var parts = claimed.Select(p => p.Name + (evidenced.Contains(p) ? " ✓" : " ✗")).ToList();
        int evidencedClaims = claimed.Count(evidenced.Contains);
        string title = claimed.Count == 0
            ? $"No LPs claimed · evidence for {evidenced.Count}"
            : $"LPs: {evidencedClaims} of {claimed.Count} claimed evidenced — {string.Join(", ", parts)}";
        var extra = evidenced.Where(p => !claimed.Contains(p)).Select(p => p.Name).ToList();
        if (claimed.Count > 0 && extra.Count > 0) title += $" · also shows {string.Join(", ", extra.Take(3))}{(extra.Count > 3 ? "…" : "")}";
        lenses.Add(new CodeLens { Range = range, Command = new Command { Title = title, CommandId = ShowCoverageCommand } });
        return lenses;
    }

    // ------------------------------------------------------------------ inlay hints

    public static List<InlayHint> InlayHints(StoryAnalysis a, LspRange? range)
    {
        if (PracticeFeatures.Applies(a)) return PracticeFeatures.InlayHints(a, range);
        var hints = new List<InlayHint>();
        var lines = a.Document.Lines;
        foreach (var ps in a.PartStats)
        {
            bool inferred = ps.Part.Inferred && ps.Part.Sentences.Count > 0;
            if (ps.Part.Heading is not { } h && !inferred) continue;
            // A heading gets its hint at the line's end; an inferred part, before its first sentence.
            int anchor = ps.Part.Heading is { } hh ? hh.SourceStart : ps.Part.Sentences[0].SourceStart;
            int line = lines.LineOf(anchor);
            if (range is not null && (line < range.Start.Line || line > range.End.Line)) continue;
            var pos = lines.GetPosition(inferred ? anchor : lines.LineContentEnd(line, a.Document.Text));
            string label = ps.TargetSeconds is { } t
                ? $"{ps.Seconds.ToString("0", Inv)} s / {t.ToString("0", Inv)} s"
                : $"{ps.Seconds.ToString("0", Inv)} s";
            if (inferred) label = $"{ps.Part.Kind} (inferred) {label}";
            string tooltip = $"{ps.Words} words at {a.Settings.WordsPerMinute.ToString("0", Inv)} words per minute ≈ {ps.Seconds.ToString("0", Inv)} s spoken"
                + (ps.TargetSeconds is { } tt ? $"; target {tt.ToString("0", Inv)} s" + (ps.Seconds > 2 * tt ? " (more than twice the target)" : "") : "")
                + (inferred ? ". The story has no headings: this part was inferred from the content." : "");
            hints.Add(new InlayHint { Position = new(pos.Line, pos.Character), Label = label, Tooltip = tooltip, PaddingLeft = !inferred, PaddingRight = inferred });
        }
        return hints;
    }

    // ------------------------------------------------------------------ completion

    public static readonly (string Value, string Doc)[] Roles =
    {
        ("owner", "You owned the outcome end to end: the decision and its result were yours."),
        ("lead", "You led people (a team or a virtual team) through the work."),
        ("driver", "You drove the work across teams you did not manage."),
        ("contributor", "You were one contributor among several; make your own part explicit."),
        ("mentor", "You coached or developed someone else who did the work."),
        ("approver", "You made the call on someone else's proposal."),
    };

    private static readonly (string Name, PartKind Kind, string Doc)[] PartNames =
    {
        ("Context", PartKind.Context, "The situation and the stakes, briefly (target 20 s)."),
        ("Decision", PartKind.Decision, "What you decided and did, and why (target 90 s)."),
        ("Impact", PartKind.Impact, "The measured result, with a baseline (target 30 s)."),
        ("Reflection", PartKind.Reflection, "What you learned or would do differently (target 30 s)."),
    };

    private static readonly string[] FrontMatterKeys = { "title", "lps", "project", "role", "question" };

    private static readonly Regex LpsLine = new(@"^\s*lps\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex RoleLine = new(@"^\s*role\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex ListItem = new(@"^\s*-\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex KeyLine = new(@"^[A-Za-z_][\w-]*\s*:", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex PartHeading = new(@"^##[ \t]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Completion from the raw text (the front matter may not parse while the user types).</summary>
    public static CompletionList Completion(string text, LineMap lines, LspPosition position, StoryAnalysis? analysis)
    {
        var list = new CompletionList();
        int line = Math.Clamp(position.Line, 0, lines.LineCount - 1);
        int lineStart = lines.LineStart(line);
        int cursor = lines.GetOffset(new Position(line, position.Character), text);
        string prefix = text[lineStart..cursor];
        LspRange ReplaceFrom(int col) => new(new(line, col), new(line, cursor - lineStart));

        var (inFm, fmStartLine) = FrontMatterAt(text, lines, line);
        if (inFm)
        {
            if (LpsLine.Match(prefix) is { Success: true } m)
            {
                int col = Math.Max(prefix.LastIndexOfAny(new[] { '[', ',', ':' }) + 1, m.Length);
                while (col < prefix.Length && prefix[col] == ' ') col++;
                var written = LineText(text, lines, line)[m.Length..].Split(',', '[', ']').Select(PrincipleNames.Resolve);
                AddPrinciples(list, ReplaceFrom(col), analysis, written);
            }
            else if (ListItem.Match(prefix) is { Success: true } li && OwningKey(text, lines, line, fmStartLine) == "lps")
            {
                var written = new List<Principle?>();
                for (int l = line - 1; l > fmStartLine && ListItem.Match(LineText(text, lines, l)) is { Success: true } prev; l--)
                    written.Add(PrincipleNames.Resolve(LineText(text, lines, l)[prev.Length..]));
                AddPrinciples(list, ReplaceFrom(li.Length), analysis, written);
            }
            else if (RoleLine.Match(prefix) is { Success: true } rm)
            {
                foreach (var (value, doc) in Roles)
                    list.Items.Add(new CompletionItem { Label = value, Kind = 12, Documentation = Md(doc), TextEdit = new LspTextEdit(ReplaceFrom(rm.Length), value) });
            }
            else if (!prefix.Contains(':') && !prefix.StartsWith(' ') && !prefix.StartsWith('-'))
            {
                foreach (var key in FrontMatterKeys)
                    list.Items.Add(new CompletionItem { Label = key, Kind = 10, TextEdit = new LspTextEdit(ReplaceFrom(0), key + ": ") });
            }
            return list;
        }

        if (PartHeading.Match(prefix) is { Success: true } ph)
        {
            var present = analysis?.Document.Parts.Where(p => !p.Inferred).Select(p => p.Kind).ToHashSet() ?? new HashSet<PartKind>();
            int i = 0;
            foreach (var (name, kind, doc) in PartNames)
            {
                bool has = present.Contains(kind);
                list.Items.Add(new CompletionItem
                {
                    Label = name, Kind = 14, Detail = has ? "already in this story" : "story part",
                    Documentation = Md(doc), SortText = (has ? "1" : "0") + i++,
                    TextEdit = new LspTextEdit(ReplaceFrom(ph.Length), name),
                });
            }
        }
        return list;
    }

    private static void AddPrinciples(CompletionList list, LspRange replace, StoryAnalysis? analysis, IEnumerable<Principle?> written)
    {
        var claimed = analysis?.ClaimedPrinciples.ToHashSet() ?? new HashSet<Principle>();
        claimed.UnionWith(written.OfType<Principle>());
        foreach (var p in EngineData.Default.Principles)
        {
            bool has = claimed.Contains(p);
            bool shown = analysis?.Evidence.Any(e => e.Principle == p) ?? false;
            list.Items.Add(new CompletionItem
            {
                Label = p.Name,
                Kind = 12,
                Detail = has ? "already claimed" : shown ? "evidence found in this story" : "Leadership Principle",
                Documentation = Md(p.Meaning),
                SortText = (has ? "2" : shown ? "0" : "1") + p.Order.ToString("00", Inv),
                TextEdit = new LspTextEdit(replace, p.Name),
            });
        }
    }

    private static MarkupContent Md(string s) => new() { Kind = "markdown", Value = s.Trim() };

    /// <summary>Whether a line is inside the front matter (between the opening "---" and the closing one).</summary>
    internal static (bool Inside, int StartLine) FrontMatterAt(string text, LineMap lines, int line)
    {
        if (lines.LineCount < 2 || LineText(text, lines, 0).TrimEnd() != "---" || line == 0) return (false, 0);
        for (int l = 1; l < lines.LineCount; l++)
        {
            var t = LineText(text, lines, l).TrimEnd();
            if (t is "---" or "...") return (line < l, 0);
            if (l > 200) break;
        }
        return (true, 0);
    }

    private static string? OwningKey(string text, LineMap lines, int line, int fmStart)
    {
        for (int l = line - 1; l > fmStart; l--)
        {
            var t = LineText(text, lines, l);
            var m = KeyLine.Match(t);
            if (m.Success) return t[..t.IndexOf(':')].Trim().ToLowerInvariant();
            if (!ListItem.IsMatch(t) && t.Trim().Length > 0) return null;
        }
        return null;
    }

    private static string LineText(string text, LineMap lines, int line)
    {
        int s = lines.LineStart(line);
        return text[s..lines.LineContentEnd(line, text)];
    }
}

/// <summary>Where a rule's documentation lives: `{base}{id}.md`, or nowhere.</summary>
public sealed class DocsLinks
{
    public DocsLinks(string? baseUrl) { BaseUrl = baseUrl is null ? null : baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"; }
    public string? BaseUrl { get; }
    public string? For(string ruleId) => BaseUrl is null ? null : BaseUrl + ruleId + ".md";

    /// <summary>Where rule links point: a <c>docs/rules/</c> folder above <paramref name="startDir"/>, else the embedded pages written to the per-user cache (<see cref="Workspace.RuleDocs.CacheBaseUri"/>).</summary>
    public static string? Find(string startDir) => FindLocal(startDir) ?? Workspace.RuleDocs.CacheBaseUri();

    /// <summary>
    /// The nearest `docs/rules/` folder above <paramref name="startDir"/> (the repository checkout
    /// when run from a build, the extension folder when the VS Code client bundles the docs), as a file URI.
    /// </summary>
    public static string? FindLocal(string startDir)
    {
        for (var dir = new DirectoryInfo(startDir); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "rules");
            if (Directory.Exists(candidate)) return new Uri(candidate + Path.DirectorySeparatorChar).AbsoluteUri;
        }
        return null;
    }
}
