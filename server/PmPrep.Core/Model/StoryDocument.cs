using PmPrep.Core.Text;

namespace PmPrep.Core.Model;

/// <summary>
/// A parsed story: immutable once built. Everything the rules read is here, with exact source
/// offsets; nothing in it touches a file or a console.
/// </summary>
public sealed class StoryDocument
{
    internal StoryDocument(string text)
    {
        Text = text;
        Lines = new LineMap(text);
    }

    public string Text { get; }
    public LineMap Lines { get; }
    public FrontMatter? FrontMatter { get; internal set; }
    /// <summary>The level-1 heading, if any.</summary>
    public ProseBlock? TitleHeading { get; internal set; }
    public List<ProseBlock> Headings { get; } = new();
    /// <summary>Prose blocks that are spoken: paragraphs, list items and quotes, in order.</summary>
    public List<ProseBlock> Paragraphs { get; } = new();
    public List<Sentence> Sentences { get; } = new();
    public List<Part> Parts { get; } = new();
    public Suppressions Suppressions { get; } = new();
    /// <summary>True when the story has level-2 headings, so part-based checks can run.</summary>
    public bool HasParts { get; internal set; }
    /// <summary>
    /// True when the story has no headings and its parts were inferred from the content
    /// (<see cref="Analysis.PartInference"/>): the part-based checks run, missing-section does not.
    /// </summary>
    public bool PartsInferred { get; internal set; }
    /// <summary>Part-based checks (missing-reflection, missing-data, context-too-long) can run: headed or inferred parts.</summary>
    public bool HasReadableParts => HasParts || PartsInferred;
    public int Words { get; internal set; }

    /// <summary>Index of the sentence holding source offset <paramref name="offset"/> (binary search), or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.SourceStart) hi = mid - 1;
            else if (offset >= s.SourceEnd) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The story's title: front matter `title`, else the level-1 heading, else null.</summary>
    public string? Title => FrontMatter?.Title?.Value ?? TitleHeading?.Text;

    public Part? FindPart(PartKind kind) => Parts.FirstOrDefault(p => p.Kind == kind);

    public TextRange RangeOf(int start, int end) => Lines.GetRange(start, end);
}
