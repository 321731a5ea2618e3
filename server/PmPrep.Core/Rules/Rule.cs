using PmPrep.Core.Model;

namespace PmPrep.Core.Rules;

/// <summary>
/// A rule: one file per rule under Rules/, its texts in Data/rules.yaml, its page in
/// docs/rules/&lt;id&gt;.md. A rule reads the parsed story and reports through the context.
/// </summary>
public abstract class Rule
{
    public abstract string Id { get; }
    public abstract void Check(RuleContext ctx);
}

/// <summary>A rule that looks at one sentence at a time (and, where it says so, the next one).</summary>
public abstract class SentenceRule : Rule
{
    public sealed override void Check(RuleContext ctx)
    {
        foreach (var s in ctx.Document.Sentences) CheckSentence(ctx, s);
    }

    protected abstract void CheckSentence(RuleContext ctx, Sentence s);
}
