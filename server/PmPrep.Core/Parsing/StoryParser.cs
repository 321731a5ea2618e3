using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PmPrep.Core.Model;

namespace PmPrep.Core.Parsing;

/// <summary>
/// Builds a <see cref="StoryDocument"/> from text: front matter, Markdig blocks with precise
/// source spans, prose with a source map, sentences, parts and suppression comments.
/// </summary>
public static class StoryParser
{
    /// <summary>
    /// Markdig refuses documents nested deeper than its limit (128 by default) with an
    /// ArgumentException. A story never nests that deep, but a pasted or generated file can
    /// (a list 500 levels deep is 1,000 Markdig levels); the limit is raised so such a file is
    /// still analysed, and anything deeper is caught in <see cref="Parse"/>.
    /// </summary>
    internal const int MaxNestingDepth = 1024;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder
    {
        MaximumNestingDepth = MaxNestingDepth,
    }
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    public static StoryDocument Parse(string text)
    {
        text ??= string.Empty;
        var doc = new StoryDocument(text);
        doc.FrontMatter = FrontMatterParser.Parse(text);
        int bodyStart = doc.FrontMatter?.SourceEnd ?? 0;
        if (doc.FrontMatter?.Error is not null && doc.FrontMatter.YamlEnd == doc.FrontMatter.YamlStart && doc.FrontMatter.SourceEnd == doc.FrontMatter.SourceStart + 3)
            bodyStart = 0; // an unclosed fence: analyse the rest as prose rather than lose it

        MarkdownDocument md;
        try
        {
            md = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Nested deeper than MaxNestingDepth: no prose can be read reliably. The front matter
            // is still checked; the body is analysed as empty rather than failing the whole file.
            md = new MarkdownDocument();
        }
        var walker = new Walker(doc, bodyStart);
        foreach (var block in md) walker.Block(block);
        walker.Finish();
        return doc;
    }

    private sealed class Walker
    {
        private readonly StoryDocument _doc;
        private readonly string _text;
        private readonly int _bodyStart;
        private Part? _current;
        private int _quoteDepth;
        private readonly List<(int, int)> _links = new();
        // The prose, map and ends of the block being built: reused from block to block (each block
        // keeps exact-size copies), so a long document does not allocate three buffers per block.
        private readonly StringBuilder _sb = new();
        private readonly List<int> _map = new();
        private readonly List<int> _ends = new();

        public Walker(StoryDocument doc, int bodyStart)
        {
            _doc = doc; _text = doc.Text; _bodyStart = bodyStart;
        }

        public void Block(Block block)
        {
            if (block is YamlFrontMatterBlock) return;
            if (block.Span.Start < _bodyStart && block.Span.End < _bodyStart) return;
            switch (block)
            {
                case HeadingBlock h:
                    Heading(h);
                    break;
                case ParagraphBlock p:
                    Paragraph(p);
                    break;
                case HtmlBlock html:
                    Comment(html.Lines.ToString(), html.Line);
                    break;
                case CodeBlock:
                    break; // fenced or indented code: not prose
                case QuoteBlock quote:
                    // Quoted text (an email, what someone said): rules may read it, fixes never rewrite it.
                    _quoteDepth++;
                    foreach (var child in quote) Block(child);
                    _quoteDepth--;
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Block(child);
                    break;
            }
        }

        private void Heading(HeadingBlock h)
        {
            var block = Prose(BlockKind.Heading, h.Inline, h.Level);
            if (block is null) return;
            _doc.Headings.Add(block);
            Tokenize(block);
            if (h.Level == 1 && _doc.TitleHeading is null && _doc.Parts.Count == 0)
            {
                _doc.TitleHeading = block;
                return;
            }
            if (h.Level == 2)
            {
                CloseCurrent(h.Span.Start);
                _doc.HasParts = true;
                _current = new Part(Part.KindOf(block.Text), block.Text.Trim(), block, h.Span.Start);
                _doc.Parts.Add(_current);
            }
        }

        private void Paragraph(ParagraphBlock p)
        {
            var block = Prose(BlockKind.Paragraph, p.Inline, 0);
            if (block is null) return;
            Tokenize(block);
            SentenceSplitter.Split(block);
            _doc.Paragraphs.Add(block);
            if (_current is null)
            {
                _current = new Part(PartKind.Preamble, "Preamble", null, block.SourceStart);
                _doc.Parts.Add(_current);
            }
            Sentence? prev = null;
            foreach (var s in block.Sentences)
            {
                s.Index = _doc.Sentences.Count;
                s.Part = _current;
                if (prev is not null) prev.Next = s;
                prev = s;
                _doc.Sentences.Add(s);
                _current.Sentences.Add(s);
            }
            int words = 0;
            foreach (var t in block.Tokens) if (t.IsWordLike) words++;
            _current.Words += words;
            _doc.Words += words;
        }

        private void Comment(string html, int line)
        {
            if (html.Contains("pmprep-", StringComparison.Ordinal))
            {
                // The directive applies from the line the comment ends on.
                int endLine = line + html.Count(c => c == '\n');
                _doc.Suppressions.AddFromComment(html, endLine);
            }
        }

        private void CloseCurrent(int end)
        {
            if (_current is not null) _current.SourceEnd = end;
        }

        public void Finish()
        {
            CloseCurrent(_text.Length);
            if (!_doc.HasParts)
            {
                // No level-2 headings: the whole story is one part.
                var whole = new Part(PartKind.Whole, "Story", null, _bodyStart);
                whole.SourceEnd = _text.Length;
                foreach (var s in _doc.Sentences) { s.Part = whole; whole.Sentences.Add(s); }
                whole.Words = _doc.Words;
                _doc.Parts.Clear();
                _doc.Parts.Add(whole);
            }
            else if (_doc.Parts.Count > 0 && _doc.Parts[0].Kind == PartKind.Preamble && _doc.Parts[0].Words == 0)
            {
                _doc.Parts.RemoveAt(0);
            }
        }

        private ProseBlock? Prose(BlockKind kind, ContainerInline? inline, int level)
        {
            if (inline is null) return null;
            var sb = _sb;
            var map = _map;
            sb.Clear();
            map.Clear();
            _ends.Clear();
            // Sized from the block's source span so the buffers do not regrow character by character.
            int capacity = Math.Clamp(inline.Span.Length + 1, 16, 1 << 20);
            if (sb.Capacity < capacity) sb.Capacity = capacity;
            map.EnsureCapacity(capacity);
            _ends.EnsureCapacity(capacity);
            _links.Clear();
            Inlines(inline, sb, map);
            // Trim, keeping the map aligned.
            int s = 0, e = sb.Length;
            while (s < e && char.IsWhiteSpace(sb[s])) s++;
            while (e > s && char.IsWhiteSpace(sb[e - 1])) e--;
            if (s == e) return null;
            string text = sb.ToString(s, e - s);
            int[] arr = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(map).Slice(s, e - s).ToArray();
            int[] ends = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ends).Slice(s, e - s).ToArray();
            IReadOnlyList<(int, int)> links = _links.Count == 0 ? Array.Empty<(int, int)>() : _links.Select(l => (Math.Max(0, l.Item1 - s), Math.Min(e - s, l.Item2 - s))).Where(l => l.Item1 < l.Item2).ToList();
            return new ProseBlock(kind, text, arr, ends, level, _text) { InBlockQuote = _quoteDepth > 0, LinkRanges = links };
        }

        /// <summary>
        /// The prose of an inline tree, walked with an explicit stack: emphasis nests as deep as the
        /// input says ("*****x*****" 50,000 times), and a stack overflow cannot be caught.
        /// </summary>
        private readonly Stack<(Inline? Next, int LinkFrom)> _resume = new();

        private void Inlines(ContainerInline container, StringBuilder sb, List<int> map)
        {
            var resume = _resume;   // where to go on after a container; LinkFrom >= 0 for a link's text
            resume.Clear();
            var inline = container.FirstChild;
            while (true)
            {
                if (inline is null)
                {
                    if (resume.Count == 0) return;
                    var (next, linkFrom) = resume.Pop();
                    if (linkFrom >= 0) _links.Add((linkFrom, sb.Length));
                    inline = next;
                    continue;
                }
                switch (inline)
                {
                    case LiteralInline lit:
                    {
                        var content = lit.Content;
                        int len = content.Length;
                        int spanLen = lit.Span.Length;
                        bool exact = spanLen == len && lit.Span.Start >= 0 && lit.Span.Start + len <= _text.Length &&
                                     string.CompareOrdinal(_text, lit.Span.Start, content.Text, content.Start, len) == 0;
                        // Not one for one: align escapes ("\\*" is one prose character for two source ones).
                        if (exact)
                        {
                            // The common case, one prose character per source character: in bulk.
                            sb.Append(content.Text, content.Start, len);
                            int at = map.Count;
                            System.Runtime.InteropServices.CollectionsMarshal.SetCount(map, at + len);
                            System.Runtime.InteropServices.CollectionsMarshal.SetCount(_ends, at + len);
                            var m = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(map).Slice(at);
                            var en = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ends).Slice(at);
                            for (int k = 0; k < len; k++) { m[k] = lit.Span.Start + k; en[k] = lit.Span.Start + k + 1; }
                            break;
                        }
                        var aligned = Align(content.Text, content.Start, len, lit.Span.Start, lit.Span.End + 1);
                        for (int k = 0; k < len; k++)
                        {
                            sb.Append(content.Text[content.Start + k]);
                            if (aligned is not null) { map.Add(aligned[k].Start); _ends.Add(aligned[k].End); }
                            else
                            {
                                map.Add(Math.Max(0, lit.Span.Start));
                                _ends.Add(k == len - 1 ? Math.Max(0, lit.Span.End + 1) : Math.Max(0, lit.Span.Start));
                            }
                        }
                        break;
                    }
                    case HtmlEntityInline entity:
                    {
                        var t = entity.Transcoded;
                        for (int k = 0; k < t.Length; k++)
                        {
                            sb.Append(t.Text[t.Start + k]);
                            map.Add(entity.Span.Start);
                            _ends.Add(k == t.Length - 1 ? entity.Span.End + 1 : entity.Span.Start);
                        }
                        break;
                    }
                    // A line break, code (not prose) or an autolink (a URL) reads as one space, so
                    // neighbours do not join into one word.
                    case LineBreakInline or CodeInline or AutolinkInline:
                        Boundary(sb, map, inline.Span);
                        break;
                    case HtmlInline html:
                        Comment(html.Tag, html.Line);
                        break;
                    case LinkInline link when link.IsImage:
                        break;
                    case LinkInline link:
                        // Link text is prose, but a fix must not rewrite it: remember where it is.
                        resume.Push((link.NextSibling, sb.Length));
                        inline = link.FirstChild;
                        continue;
                    case ContainerInline child: // emphasis, link text
                        resume.Push((child.NextSibling, -1));
                        inline = child.FirstChild;
                        continue;
                }
                inline = inline.NextSibling;
            }
        }

        /// <summary>One space of prose standing for the source span of a non-prose inline.</summary>
        private void Boundary(StringBuilder sb, List<int> map, SourceSpan span)
        {
            sb.Append(' ');
            map.Add(Math.Max(0, span.Start));
            _ends.Add(Math.Max(span.Start + 1, span.End + 1));
        }

        /// <summary>
        /// Source (start, end) of each character of a literal whose source has backslash escapes, or
        /// null when the literal does not line up with its source that way.
        /// </summary>
        private (int Start, int End)[]? Align(string content, int contentStart, int len, int spanStart, int spanEnd)
        {
            if (spanStart < 0 || spanEnd > _text.Length || spanEnd <= spanStart) return null;
            var result = new (int, int)[len];
            int pos = spanStart;
            for (int k = 0; k < len; k++)
            {
                char c = content[contentStart + k];
                if (pos < spanEnd && _text[pos] == c) { result[k] = (pos, pos + 1); pos++; continue; }
                if (pos + 1 < spanEnd && _text[pos] == '\\' && _text[pos + 1] == c) { result[k] = (pos, pos + 2); pos += 2; continue; }
                return null;
            }
            return pos == spanEnd ? result : null;
        }

        private static void Tokenize(ProseBlock block) => block.Tokens = Tokenizer.Tokenize(block.Text, 0, block.Text.Length);
    }
}
