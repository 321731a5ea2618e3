using PmPrep.Core.Rules;

namespace PmPrep.Core.PrFaq.Rules;

/// <summary>
/// prfaq-no-internal-objections: no internal FAQ entry carries an objection from legal, finance,
/// ops or engineering (prfaq_objector, in the question or its answer) together with an answer.
/// Reported on the internal FAQ heading, or on the title when there is no internal FAQ.
/// </summary>
public sealed class PrFaqNoInternalObjections : PrFaqRule
{
    public override string Id => "prfaq-no-internal-objections";

    public override void Check(RuleContext ctx, PrFaqDocument p)
    {
        var heading = p.Sections.FirstOrDefault(s => s.Kind == PrFaqPartKind.InternalFaq);
        if (heading is null) { ReportAt(ctx, Anchor(p), "No internal FAQ"); return; }
        var set = ctx.Lexicon["prfaq_objector"];
        foreach (var e in p.Entries.Where(e => e.Internal && e.Answer.Count > 0))
        {
            bool named = (e.QuestionSentences.Count == 0 ? set.Any(Words(e.Question)) : e.QuestionSentences.Any(s => set.Any(s.Words)))
                         || e.Answer.Any(s => set.Any(s.Words));
            if (named) return;
        }
        ReportAt(ctx, HeadingOf(heading), "No internal question carries an objection from legal, finance, ops or engineering with its answer");
    }

    private static Model.Token[] Words(string text) =>
        Model.Tokenizer.Tokenize(text, 0, text.Length).Where(t => t.IsWordLike).ToArray();
}
