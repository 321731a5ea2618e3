using System.Text.Encodings.Web;
using System.Text.Json;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Text;
using PmPrep.Server.Workspace;

namespace PmPrep.Server.Cli;

/// <summary>SARIF 2.1.0 for code-scanning tools: one run, the rule catalog as the driver's rules, one result per finding.</summary>
internal static class SarifOutput
{
    public static void Write(TextWriter output, IReadOnlyList<CliApp.CheckedFile> files, BankAnalysis bank)
    {
        var rules = EngineData.Default.Rules;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        string? docs = Lsp.DocsLinks.Find(AppContext.BaseDirectory);
        JsonOutput.Emit(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "pmprep");
            w.WriteString("semanticVersion", ProductInfo.Version);
            w.WriteStartArray("rules");
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteStartObject("shortDescription"); w.WriteString("text", r.Title); w.WriteEndObject();
                w.WriteStartObject("fullDescription"); w.WriteString("text", r.Why); w.WriteEndObject();
                // The page itself travels in the log (every install has it, embedded), and the link
                // resolves from every install: a docs folder above this binary, else the embedded
                // page written to the per-user cache; never a relative path that resolves nowhere.
                if (docs is not null) w.WriteString("helpUri", docs + r.Id + ".md");
                w.WriteStartObject("help");
                w.WriteString("text", $"Weak: {r.Weak}\nStrong: {r.Strong}");
                if (RuleDocs.Page(r.Id) is { } page) w.WriteString("markdown", page);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration"); w.WriteString("level", Level(r.DefaultSeverity)); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var f in files)
            {
                if (f.Analysis is null) continue;
                foreach (var d in f.Analysis.Diagnostics)
                    Result(w, index[d.RuleId], d, f.File.DisplayPath);
            }
            foreach (var d in bank.Diagnostics)
                Result(w, index[d.RuleId], d, d.Path);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>One result: a story's finding (at <paramref name="path"/>, the file checked) or the bank's (at its own path, none for the bank as a whole).</summary>
    private static void Result(Utf8JsonWriter w, int ruleIndex, Diagnostic d, string? path)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(d.Severity));
        w.WriteStartObject("message"); w.WriteString("text", d.Message); w.WriteEndObject();
        if (path is not null)
        {
            w.WriteStartArray("locations");
            Location(w, path, d.Location, null);
            w.WriteEndArray();
        }
        var related = d.Related;
        if (related.Count > 0)
        {
            // The other story a bank finding names (the duplicate, the conflicting role).
            w.WriteStartArray("relatedLocations");
            for (int i = 0; i < related.Count; i++) Location(w, related[i].Path, related[i].Range, i);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Location(Utf8JsonWriter w, string path, TextRange? range, int? id)
    {
        w.WriteStartObject();
        if (id is { } n) w.WriteNumber("id", n);
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation"); w.WriteString("uri", path); w.WriteEndObject();
        if (range is { } r)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", r.Start.Line + 1);
            w.WriteNumber("startColumn", r.Start.Character + 1);
            w.WriteNumber("endLine", r.End.Line + 1);
            w.WriteNumber("endColumn", r.End.Character + 1);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
