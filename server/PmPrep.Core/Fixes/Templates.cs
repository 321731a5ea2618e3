using PmPrep.Core.Model;
using PmPrep.Core.Rules;
using PmPrep.Core.Text;

namespace PmPrep.Core.Fixes;

/// <summary>
/// Template fixes: text with visible [placeholders] the author fills in. Never in fix-all.
/// </summary>
public static class Templates
{
    public const string BecauseChain = " because [belief], given [data], despite [pressure from stakeholder]";
    public const string MetricContext = " (from [baseline] to [result] over [timeframe] for [segment])";
    public const string OwnPart = "I [what I decided or did], and ";

    /// <summary>
    /// Appends a clause to the end of a sentence, before its final punctuation and after a closing
    /// bracket: "launch (in March)." -> "launch (in March) because ...". A period inside closing
    /// quotes moves after the clause: "call it "X."" -> "call it "X" because ...".
    /// </summary>
    public static IReadOnlyList<TextEdit>? AppendClause(Sentence s, string clause)
    {
        var t = s.Tokens;
        int k = t.Length - 1;
        if (k < 0) return null;
        int end = k;
        while (end >= 0 && t[end].Kind == TokenKind.Punct && IsTerminal(t[end].Text)) end--;
        if (end < 0) return null;
        if (end < k)
        {
            // "... launch (in March)." : insert right before the final "." run.
            return One(s, t[end + 1].Start, t[end + 1].Start, clause);
        }
        // `... "Project X."` : the final tokens are terminal marks then closing quotes or brackets.
        int closers = k;
        while (closers >= 0 && t[closers].Kind == TokenKind.Punct && t[closers].Text is "\"" or "\u201D" or "'" or "\u2019" or ")" or "]") closers--;
        if (closers < k && closers >= 0 && t[closers].Kind == TokenKind.Punct && IsTerminal(t[closers].Text))
        {
            int stop = closers;
            while (stop > 0 && t[stop - 1].Kind == TokenKind.Punct && IsTerminal(t[stop - 1].Text)) stop--;
            string marks = s.Block.Text.Substring(t[stop].Start, t[closers].End - t[stop].Start);
            string close = s.Block.Text.Substring(t[closers + 1].Start, t[k].End - t[closers + 1].Start);
            return One(s, t[stop].Start, t[k].End, close + clause + marks);
        }
        // No final punctuation: append after the last token.
        return One(s, t[k].End, t[k].End, clause);
    }

    /// <summary>
    /// The first visible placeholder ("[who]", "[what I did]") in an edit's new text: start and
    /// length, brackets included, or null. Not a link's text ("[a](b)").
    /// </summary>
    public static (int Start, int Length)? FirstPlaceholder(string text)
    {
        int from = 0;
        while (from < text.Length)
        {
            int open = text.IndexOf('[', from);
            if (open < 0) return null;
            int close = text.IndexOfAny(new[] { ']', '[' }, open + 1);
            if (close < 0) return null;
            if (text[close] == '[') { from = close; continue; }
            bool link = close + 1 < text.Length && text[close + 1] is '(' or '[';
            if (close > open + 1 && !link) return (open, close - open + 1);
            from = close + 1;
        }
        return null;
    }

    private static bool IsTerminal(string p) => p is "." or "!" or "?" or "\u2026";

    private static IReadOnlyList<TextEdit>? One(Sentence s, int from, int to, string text) =>
        RuleContext.Edit(s, from, to, text) is { } e ? new[] { e } : null;
}
