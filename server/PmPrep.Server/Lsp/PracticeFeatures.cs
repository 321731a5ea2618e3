using System.Globalization;
using System.Text;
using PmPrep.Core.Analysis;
using PmPrep.Core.Design;
using PmPrep.Core.Practice;
using PmPrep.Core.PrFaq;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Lsp;

/// <summary>
/// The editor features of design answers and PR/FAQs, beside <see cref="Features"/> (which asks
/// here first for those kinds): the outline by part, inlay hints with minutes against the 5/10/20
/// timebox, the title hover and code lens with the timebox, and a hover on each part's heading
/// saying what belongs there. Pure functions of the analysis.
/// </summary>
public static class PracticeFeatures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool Applies(StoryAnalysis a) => a.Kind != PracticeKind.Story;

    private static string Min(double m) => m.ToString("0.0", Inv);

    // ------------------------------------------------------------------ inlay hints

    /// <summary>After each design heading: the part's spoken minutes and its phase's total against the phase's minutes.</summary>
    public static List<InlayHint> InlayHints(StoryAnalysis a, LspRange? range)
    {
        var hints = new List<InlayHint>();
        if (a.Design is not { } d) return hints;
        var lines = a.Document.Lines;
        double wpm = a.Settings.WordsPerMinute;
        foreach (var s in d.Sections)
        {
            if (s.Part.Heading is not { } h) continue;
            int line = lines.LineOf(h.SourceStart);
            if (range is not null && (line < range.Start.Line || line > range.End.Line)) continue;
            var pos = lines.GetPosition(lines.LineContentEnd(line, a.Document.Text));
            string label, tooltip;
            if (s.Phase is { } phase)
            {
                var p = d.Phase(phase);
                string over = p.Minutes > p.TargetMinutes ? " over" : "";
                label = $"{Min(s.Minutes)} min · {p.Name} {Min(p.Minutes)}/{p.TargetMinutes.ToString("0", Inv)} min{over}";
                tooltip = $"{DesignAnswer.Label(s.Kind)}: {s.Words} words at {wpm.ToString("0", Inv)} words per minute ≈ {Min(s.Minutes)} min spoken. "
                    + $"The {p.Name} phase ({PartsOf(phase)}) takes {Min(p.Minutes)} of its {p.TargetMinutes.ToString("0", Inv)} minutes in the 5/10/20 timebox.";
            }
            else
            {
                label = $"{Min(s.Minutes)} min";
                tooltip = $"{s.Words} words at {wpm.ToString("0", Inv)} words per minute; this heading is in no phase of the timebox.";
            }
            hints.Add(new InlayHint { Position = new(pos.Line, pos.Character), Label = label, Tooltip = tooltip, PaddingLeft = true });
        }
        return hints;
    }

    private static string PartsOf(DesignPhase phase) => phase switch
    {
        DesignPhase.ProblemDefinition => "Customer, Problem, Constraints",
        DesignPhase.Scoping => "Options",
        _ => "Deep dive, Risks, Pilot, Metrics",
    };

    // ------------------------------------------------------------------ symbols

    public static List<DocumentSymbol> Symbols(StoryAnalysis a, string fileName)
    {
        var doc = a.Document;
        var titleSel = doc.TitleHeading is { } th ? Features.Range(a, th.SourceStart, th.SourceEnd) : Features.Range(a, 0, 0);
        var root = new DocumentSymbol
        {
            Name = string.IsNullOrWhiteSpace(doc.Title) ? fileName : doc.Title!,
            Detail = a.Design is not null ? $"design answer · {Min(a.Minutes)} min" : $"PR/FAQ · {a.Words} words",
            Kind = SymbolKinds.Module,
            Range = Features.Range(a, 0, doc.Text.Length),
            SelectionRange = titleSel,
            Children = new(),
        };
        if (a.Design is { } d)
        {
            foreach (var s in d.Sections)
            {
                if (s.Part.Heading is not { } h) continue;
                int end = Math.Max(s.Part.SourceEnd, h.SourceEnd);
                root.Children.Add(new DocumentSymbol
                {
                    Name = s.Part.Name,
                    Detail = s.Kind == DesignPartKind.Other ? $"{Min(s.Minutes)} min" : $"{DesignAnswer.Label(s.Kind)} · {Min(s.Minutes)} min",
                    Kind = SymbolKinds.Namespace,
                    Range = Features.Range(a, Math.Min(s.Part.SourceStart, h.SourceStart), end),
                    SelectionRange = Features.Range(a, h.SourceStart, h.SourceEnd),
                });
            }
        }
        else if (a.PrFaq is { } p)
        {
            for (int i = 0; i < p.Sections.Count; i++)
            {
                var s = p.Sections[i];
                int end = i + 1 < p.Sections.Count ? p.Sections[i + 1].Heading.SourceStart : doc.Text.Length;
                int questions = p.Entries.Count(e => e.Start >= s.Heading.SourceStart && e.Start < end);
                root.Children.Add(new DocumentSymbol
                {
                    Name = s.Name,
                    Detail = (s.InFaq ? (s.Internal ? "internal FAQ" : "FAQ") : "press release") + (questions > 0 ? $" · {questions} question{(questions == 1 ? "" : "s")}" : ""),
                    Kind = s.InFaq ? SymbolKinds.Field : SymbolKinds.Namespace,
                    Range = Features.Range(a, s.Heading.SourceStart, Math.Max(end, s.Heading.SourceEnd)),
                    SelectionRange = Features.Range(a, s.Heading.SourceStart, s.Heading.SourceEnd),
                });
            }
        }
        return new() { root };
    }

    // ------------------------------------------------------------------ hovers and lenses

    /// <summary>The title hover of a design answer (the timebox, phase by phase) or a PR/FAQ (its parts and questions).</summary>
    public static string TitleHover(StoryAnalysis a)
    {
        var sb = new StringBuilder();
        if (a.Design is { } d)
        {
            sb.Append("**Design answer · ").Append(Min(a.Minutes)).Append(" min spoken** · ").Append(a.Words).Append(" words at ")
              .Append(a.Settings.WordsPerMinute.ToString("0", Inv)).Append(" wpm\n\n**5/10/20 timebox**\n");
            foreach (var p in d.Phases)
                sb.Append("\n- ").Append(p.Name).Append(" (").Append(PartsOf(p.Phase)).Append("): ").Append(Min(p.Minutes))
                  .Append(" of ").Append(p.TargetMinutes.ToString("0", Inv)).Append(" min").Append(p.Minutes > p.TargetMinutes ? " — over" : "");
            var missing = new[] { DesignPartKind.Customer, DesignPartKind.Problem, DesignPartKind.Constraints, DesignPartKind.Options, DesignPartKind.DeepDive, DesignPartKind.Risks, DesignPartKind.Pilot, DesignPartKind.Metrics }
                .Where(k => d.Find(k) is null).Select(DesignAnswer.Label).ToList();
            if (d.HasParts && missing.Count > 0) sb.Append("\n\nMissing parts: ").Append(string.Join(", ", missing)).Append('.');
        }
        else if (a.PrFaq is { } p)
        {
            sb.Append("**PR/FAQ** · ").Append(a.Words).Append(" words · ").Append(p.Entries.Count(e => !e.Internal)).Append(" external and ")
              .Append(p.Entries.Count(e => e.Internal)).Append(" internal questions");
        }
        return sb.ToString();
    }

    /// <summary>On a design part's heading: what belongs there and its phase. Null elsewhere.</summary>
    public static (string Text, int Start, int End)? HeadingHover(StoryAnalysis a, int offset)
    {
        if (a.Design is not { } d) return null;
        foreach (var s in d.Sections)
        {
            if (s.Part.Heading is not { } h || offset < h.SourceStart || offset > h.SourceEnd || s.Kind == DesignPartKind.Other) continue;
            string what = s.Kind switch
            {
                DesignPartKind.Customer => "Who exactly: one segment, how often they hit the problem, and in what context.",
                DesignPartKind.Problem => "What the problem costs, in numbers: customer units (minutes, dollars) and business units (contacts, churn, lost GMV).",
                DesignPartKind.Constraints => "The system's and the business's limits: latency, staffing, legal, budget, deadlines.",
                DesignPartKind.Options => "Two or three options, compared on customer impact, effort, risk and reversibility, and why the chosen one wins.",
                DesignPartKind.DeepDive => "The chosen option in depth: the first release and what you deliberately leave out.",
                DesignPartKind.Risks => "How it fails (drift, pushback, false positives, abuse) and the mitigation for each.",
                DesignPartKind.Pilot => "A time-boxed pilot and the threshold that stops or reverses it.",
                _ => "One primary metric, and a counter-metric that stops it being gamed.",
            };
            string phase = s.Phase is { } ph ? $" · {d.Phase(ph).Name}, {d.Phase(ph).TargetMinutes.ToString("0", Inv)} min" : "";
            return ($"**{DesignAnswer.Label(s.Kind)}**{phase}\n\n{what}", h.SourceStart, h.SourceEnd);
        }
        return null;
    }

    public static List<CodeLens> CodeLenses(StoryAnalysis a)
    {
        var doc = a.Document;
        var range = doc.TitleHeading is { } th ? Features.Range(a, th.SourceStart, th.SourceEnd) : Features.Range(a, 0, 0);
        string title = a.Design is { } d
            ? $"{Min(a.Minutes)} min spoken · " + string.Join(" · ", d.Phases.Select(p => $"{p.Name} {Min(p.Minutes)}/{p.TargetMinutes.ToString("0", Inv)}"))
            : $"PR/FAQ · {a.Words} words · {a.PrFaq?.Entries.Count ?? 0} questions";
        return new() { new CodeLens { Range = range, Command = new Command { Title = title, CommandId = "" } } };
    }
}
