using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Signals;

/// <summary>Matches every principle's cues against every sentence.</summary>
public static class SignalDetector
{
    public static List<LpSignal> Detect(StoryDocument doc, Lexicon lex)
    {
        var signals = new List<LpSignal>();
        foreach (var s in doc.Sentences)
        {
            foreach (var m in lex.Cues.Matches(s.Words))
            {
                var (start, end) = Span(s, m.Start, m.End);
                signals.Add(new LpSignal(m.Tag.Principle, m.Tag.Cue.Reason, m.Tag.Cue.Pattern, m.Tag.Cue.Strong, start, end, doc.RangeOf(start, end), doc.Text[start..end]));
            }
            foreach (var m in lex.Ownership.Matches(s.Words))
            {
                if (s.Words[m.Start].InQuote) continue;
                var (start, end) = Span(s, m.Start, m.End);
                signals.Add(new LpSignal(null, m.Tag.Reason, m.Tag.Pattern, true, start, end, doc.RangeOf(start, end), doc.Text[start..end]));
            }
        }
        // One signal per principle per place: overlapping cues of the same principle collapse.
        signals.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var result = new List<LpSignal>(signals.Count);
        foreach (var sig in signals)
        {
            bool dup = false;
            for (int k = result.Count - 1; k >= 0 && result[k].End > sig.Start; k--)
                if (result[k].Principle == sig.Principle && result[k].Start <= sig.Start && result[k].End >= sig.End) { dup = true; break; }
            if (!dup) result.Add(sig);
        }
        return result;
    }

    internal static (int Start, int End) Span(Sentence s, int firstWord, int endWord) =>
        (s.Block.ToSource(s.Words[firstWord].Start), s.Block.ToSourceEnd(s.Words[endWord - 1].End));
}
