using System.Globalization;
using System.Net;
using System.Text;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Server.Cli;

/// <summary>`pmprep report`: one self-contained HTML page (no network requests).</summary>
internal static class ReportWriter
{
    public static string Render(IReadOnlyList<CliApp.CheckedFile> files, BankAnalysis bank, PmPrepSettings settings)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PmPrep story bank</title>");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:center}th.lp{text-align:left}.gap{background:#fde2e2}.c0{background:#fff}.c1{background:#d9f2d9}.c2{background:#a8e0a8}.c3{background:#6cc66c}.claimed{outline:2px dashed #555;outline-offset:-3px}</style>");
        sb.Append("</head><body><h1>Story bank</h1>");
        sb.Append("<table id=\"heatmap\"><thead><tr><th class=\"lp\">Principle</th>");
        foreach (var s in bank.Stories) sb.Append("<th>").Append(Enc(s.Analysis.Document.Title ?? s.Path)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in bank.Coverage)
        {
            sb.Append("<tr").Append(row.IsGap ? " class=\"gap\"" : "").Append("><th class=\"lp\">").Append(Enc(row.Principle.Name)).Append("</th>");
            foreach (var s in bank.Stories)
            {
                var cell = row.Cells.FirstOrDefault(c => c.Story == s);
                int n = cell?.Signals ?? 0;
                string cls = "c" + Math.Min(3, n) + (cell?.Claimed == true ? " claimed" : "");
                sb.Append($"<td class=\"{cls}\">").Append(n == 0 ? "" : n.ToString(inv)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table><h2>Findings</h2>");
        foreach (var f in files)
        {
            sb.Append("<h3>").Append(Enc(f.File.DisplayPath)).Append("</h3>");
            if (f.Analysis is null) { sb.Append("<p>").Append(Enc(f.File.Error ?? "")).Append("</p>"); continue; }
            sb.Append("<p>").Append(f.Analysis.Minutes.ToString("0.0", inv)).Append(" min spoken</p><ul>");
            foreach (var d in f.Analysis.Diagnostics)
                sb.Append("<li>").Append(Enc($"{d.Range.Start.Line + 1}: {RuleInfo.SeverityName(d.Severity)} {d.RuleId}: {d.Message}")).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
