using PmPrep.Core.Model;
using PmPrep.Core.Rules;

namespace PmPrep.Core.Design.Rules;

/// <summary>
/// single-option: fewer than two options. Options are counted in the Options part as list items,
/// level-3 headings or option mentions (design_option: "option B", "another approach"), whichever
/// is most. No Options part counts as one option (the one gone deep on). Without headings it stays
/// silent.
/// </summary>
public sealed class SingleOption : DesignRule
{
    public override string Id => "single-option";

    public override void Check(RuleContext ctx, DesignAnswer d)
    {
        if (!d.HasParts) return;
        var sec = d.Find(DesignPartKind.Options);
        if (sec is null) { ReportPart(ctx, d, null, "No Options part: only the chosen solution is told"); return; }
        int n = Count(ctx, d.Document, sec.Part);
        if (n < 2) ReportPart(ctx, d, sec, n == 0 ? "The Options part names no option" : "The Options part names one option");
    }

    /// <summary>The number of options a part names.</summary>
    internal static int Count(RuleContext ctx, StoryDocument doc, Part part)
    {
        int items = 0, headings = 0, mentions = 0;
        var text = doc.Text;
        int from = doc.Lines.LineOf(part.SourceStart), to = doc.Lines.LineOf(Math.Max(part.SourceStart, part.SourceEnd - 1));
        for (int line = from; line <= to && line < doc.Lines.LineCount; line++)
        {
            int s = doc.Lines.LineStart(line), e = doc.Lines.LineContentEnd(line, text);
            if (IsListItem(text, s, e)) items++;
        }
        foreach (var h in doc.Headings)
            if (h.HeadingLevel >= 3 && h.SourceStart >= part.SourceStart && h.SourceStart < part.SourceEnd) headings++;
        foreach (var s in part.Sentences) mentions += ctx.Lexicon["design_option"].Matches(s.Words).Count;
        return Math.Max(items, Math.Max(headings, mentions));
    }

    private static bool IsListItem(string text, int start, int end)
    {
        int i = start;
        while (i < end && text[i] is ' ' or '\t') i++;
        if (i >= end) return false;
        if (text[i] is '-' or '*' or '+') return i + 1 < end && text[i + 1] == ' ';
        int digits = i;
        while (i < end && char.IsAsciiDigit(text[i])) i++;
        return i > digits && i + 1 < end && text[i] is '.' or ')' && text[i + 1] == ' ';
    }
}
