namespace PmPrep.Core.Rules;

/// <summary>front-matter-invalid: the YAML front matter does not parse; the message quotes the parser.</summary>
public sealed class FrontMatterInvalid : Rule
{
    public override string Id => "front-matter-invalid";

    public override void Check(RuleContext ctx)
    {
        var fm = ctx.Document.FrontMatter;
        if (fm?.Error is null) return;
        var doc = ctx.Document;
        int line = doc.Lines.LineOf(fm.ErrorOffset);
        int start = doc.Lines.LineStart(line), end = doc.Lines.LineContentEnd(line, doc.Text);
        ctx.Report(Id, start, end, new Dictionary<string, string> { ["reason"] = fm.Error });
    }
}
