using PmPrep.Core.Model;

namespace PmPrep.Core.PrFaq;

/// <summary>What a heading of a PR/FAQ names. The press-release parts may be level-2 or level-3 headings.</summary>
public enum PrFaqPartKind { PressRelease, Headline, Customer, Problem, Solution, Quote, HowToStart, Faq, ExternalFaq, InternalFaq, Other }

/// <summary>The prose under one heading (any level from 2), up to the next such heading.</summary>
public sealed record PrFaqSection(ProseBlock Heading, PrFaqPartKind Kind, bool InFaq, bool Internal, IReadOnlyList<Sentence> Sentences)
{
    public string Name => Heading.Text.Trim();
}

/// <summary>
/// One FAQ entry: a question (a heading ending in "?", or a paragraph's sentences up to its last
/// "?") and the sentences that answer it.
/// </summary>
public sealed record FaqEntry(string Question, int Start, int End, bool Internal, IReadOnlyList<Sentence> Answer, IReadOnlyList<Sentence> QuestionSentences);

/// <summary>
/// A PR/FAQ (<c>*.prfaq.md</c>): a press release (headline, customer, problem, solution, a
/// customer quote, how to start) and an FAQ split into external and internal questions. Read from
/// the parsed document by heading; everything before the first FAQ heading is the press release.
/// </summary>
public sealed class PrFaqDocument
{
    internal PrFaqDocument(StoryDocument doc)
    {
        Document = doc;
        var headings = doc.Headings.Where(h => h.HeadingLevel >= 2).OrderBy(h => h.SourceStart).ToList();
        bool inFaq = false, internalFaq = false;
        int faqLevel = 0;
        for (int i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var kind = KindOf(h.Text);
            // A level-2 heading that is not an FAQ ends the FAQ (e.g. "## Appendix").
            if (inFaq && h.HeadingLevel <= faqLevel && kind is not (PrFaqPartKind.Faq or PrFaqPartKind.ExternalFaq or PrFaqPartKind.InternalFaq)) inFaq = false;
            if (kind is PrFaqPartKind.Faq or PrFaqPartKind.ExternalFaq or PrFaqPartKind.InternalFaq)
            {
                if (!inFaq || h.HeadingLevel <= faqLevel) faqLevel = h.HeadingLevel;
                inFaq = true;
                internalFaq = kind == PrFaqPartKind.InternalFaq;
            }
            int end = i + 1 < headings.Count ? headings[i + 1].SourceStart : doc.Text.Length;
            var sentences = doc.Sentences.Where(s => s.SourceStart >= h.SourceEnd && s.SourceStart < end).ToList();
            Sections.Add(new PrFaqSection(h, kind, inFaq, inFaq && internalFaq, sentences));
        }
        int firstFaq = Sections.FindIndex(s => s.InFaq);
        int releaseEnd = firstFaq >= 0 ? Sections[firstFaq].Heading.SourceStart : doc.Text.Length;
        PressRelease = doc.Sentences.Where(s => s.SourceStart < releaseEnd).ToList();
        ReadEntries(doc);
    }

    public StoryDocument Document { get; }
    public List<PrFaqSection> Sections { get; } = new();
    /// <summary>The sentences of the press release: everything before the first FAQ heading.</summary>
    public IReadOnlyList<Sentence> PressRelease { get; }
    public List<FaqEntry> Entries { get; } = new();
    public bool HasFaq => Sections.Any(s => s.InFaq);
    public bool HasInternalFaq => Sections.Any(s => s.Internal);

    public PrFaqSection? Find(PrFaqPartKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);

    private void ReadEntries(StoryDocument doc)
    {
        foreach (var sec in Sections.Where(s => s.InFaq))
        {
            FaqEntry? open = null;
            List<Sentence>? answer = null;
            void Close()
            {
                if (open is not null) Entries.Add(open with { Answer = answer! });
                open = null;
            }
            // A heading that is a question opens an entry ("### Why not build it in-house?").
            if (sec.Kind == PrFaqPartKind.Other && sec.Name.EndsWith('?'))
            {
                open = new FaqEntry(sec.Name, sec.Heading.SourceStart, sec.Heading.SourceEnd, sec.Internal, Array.Empty<Sentence>(), Array.Empty<Sentence>());
                answer = new List<Sentence>();
            }
            // Paragraph by paragraph: a paragraph with a question opens an entry; its sentences up to
            // the last "?" are the question ("Legal said ... How did we answer?"), the rest start the answer.
            foreach (var block in sec.Sentences.GroupBy(s => s.Block))
            {
                var list = block.ToList();
                int q = list.FindLastIndex(s => s.Text.TrimEnd().EndsWith('?'));
                if (q < 0)
                {
                    answer?.AddRange(list);
                    continue;
                }
                Close();
                var question = list.Take(q + 1).ToList();
                open = new FaqEntry(string.Join(' ', question.Select(s => s.Text.Trim())), question[0].SourceStart, question[^1].SourceEnd, sec.Internal,
                    Array.Empty<Sentence>(), question);
                answer = list.Skip(q + 1).ToList();
            }
            Close();
        }
    }

    public static string Label(PrFaqPartKind kind) => kind switch
    {
        PrFaqPartKind.PressRelease => "Press release",
        PrFaqPartKind.HowToStart => "How to start",
        PrFaqPartKind.ExternalFaq => "External FAQ",
        PrFaqPartKind.InternalFaq => "Internal FAQ",
        PrFaqPartKind.Quote => "Customer quote",
        PrFaqPartKind.Faq => "FAQ",
        _ => kind.ToString(),
    };

    /// <summary>The part a heading names. Aliases are listed in docs/prfaq.md.</summary>
    public static PrFaqPartKind KindOf(string heading)
    {
        var key = Part.Normalize(heading);
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        return key switch
        {
            "press release" or "pr" or "release" => PrFaqPartKind.PressRelease,
            "headline" or "heading" or "subheading" or "headline and subheading" => PrFaqPartKind.Headline,
            "customer" or "customers" or "who it is for" or "who its for" or "audience" => PrFaqPartKind.Customer,
            "problem" or "the problem" or "customer problem" or "pain" => PrFaqPartKind.Problem,
            "solution" or "the solution" or "how it works" or "what it is" => PrFaqPartKind.Solution,
            "quote" or "customer quote" or "quotes" or "what customers say" or "testimonial" => PrFaqPartKind.Quote,
            "how to start" or "getting started" or "get started" or "how to get started" or "call to action" or "availability" => PrFaqPartKind.HowToStart,
            "faq" or "faqs" or "frequently asked questions" or "questions" => PrFaqPartKind.Faq,
            "external faq" or "external faqs" or "customer faq" or "customer faqs" or "external" or "external questions" or "customer questions" => PrFaqPartKind.ExternalFaq,
            "internal faq" or "internal faqs" or "internal" or "internal questions" or "stakeholder faq" => PrFaqPartKind.InternalFaq,
            _ => PrFaqPartKind.Other,
        };
    }
}
