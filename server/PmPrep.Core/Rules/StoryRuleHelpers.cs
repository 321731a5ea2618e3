using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>Where story-level findings land, and small text helpers the story rules share.</summary>
internal static class StoryAnchor
{
    /// <summary>The title heading, else the first heading, else the first line with text.</summary>
    public static (int Start, int End) Title(StoryDocument doc)
    {
        var h = doc.TitleHeading ?? doc.Headings.FirstOrDefault();
        if (h is not null) return (h.SourceStart, h.SourceEnd);
        int bodyStart = doc.FrontMatter?.SourceEnd ?? 0;
        int line = doc.Lines.LineOf(Math.Min(bodyStart, doc.Text.Length));
        for (; line < doc.Lines.LineCount; line++)
        {
            int s = doc.Lines.LineStart(line), e = doc.Lines.LineContentEnd(line, doc.Text);
            if (e > s && !string.IsNullOrWhiteSpace(doc.Text[s..e])) return (s, e);
        }
        return (0, doc.Lines.LineContentEnd(0, doc.Text));
    }

    /// <summary>A part's heading; for an inferred part, its first sentence.</summary>
    public static (int Start, int End) Heading(Part p) =>
        p.Heading is { } h ? (h.SourceStart, h.SourceEnd)
        : p.Inferred && p.Sentences.Count > 0 ? (p.Sentences[0].SourceStart, p.Sentences[0].SourceEnd)
        : (p.SourceStart, p.SourceStart);

    public static string NewLine(StoryDocument doc) => doc.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    /// <summary>Offset of the start of the line holding <paramref name="offset"/>.</summary>
    public static int LineStartOf(StoryDocument doc, int offset) => doc.Lines.LineStart(doc.Lines.LineOf(offset));

    /// <summary>An insertion of a new part at the document's end, with blank lines around it.</summary>
    public static Text.TextEdit AppendPart(StoryDocument doc, string heading, string placeholder)
    {
        string nl = NewLine(doc);
        string text = doc.Text;
        int trailing = 0;
        int k = text.Length;
        while (k > 0 && (text[k - 1] == '\n' || text[k - 1] == '\r')) { if (text[k - 1] == '\n') trailing++; k--; }
        string lead = text.Length == 0 ? "" : trailing >= 2 ? "" : trailing == 1 ? nl : nl + nl;
        return new Text.TextEdit(text.Length, 0, $"{lead}## {heading}{nl}{nl}{placeholder}{nl}");
    }

    /// <summary>An insertion of a new paragraph at the document's end (a headless story stays headless).</summary>
    public static Text.TextEdit AppendParagraph(StoryDocument doc, string paragraph)
    {
        var part = AppendPart(doc, "x", "x");
        string nl = NewLine(doc);
        string lead = part.NewText[..part.NewText.IndexOf("## x", StringComparison.Ordinal)];
        return new Text.TextEdit(doc.Text.Length, 0, $"{lead}{paragraph}{nl}");
    }

    /// <summary>An insertion of a new part before the heading line at <paramref name="headingStart"/>.</summary>
    public static Text.TextEdit InsertPartBefore(StoryDocument doc, int headingStart, string heading, string placeholder)
    {
        string nl = NewLine(doc);
        int at = LineStartOf(doc, headingStart);
        return new Text.TextEdit(at, 0, $"## {heading}{nl}{nl}{placeholder}{nl}{nl}");
    }
}
