namespace PmPrep.Core.Text;

/// <summary>A replacement of [Start, Start+Length) in the document text.</summary>
public sealed record TextEdit(int Start, int Length, string NewText)
{
    public int End => Start + Length;

    /// <summary>Applies non-overlapping edits to a text. Throws if edits overlap or leave the text.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
        var sb = new System.Text.StringBuilder(text.Length + 64);
        int pos = 0;
        foreach (var e in ordered)
        {
            if (e.Start < pos || e.End > text.Length || e.Start < 0)
                throw new ArgumentException($"Edit {e.Start}+{e.Length} overlaps another edit or lies outside the text.");
            sb.Append(text, pos, e.Start - pos);
            sb.Append(e.NewText);
            pos = e.End;
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
