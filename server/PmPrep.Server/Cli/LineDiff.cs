using System.Text;

namespace PmPrep.Server.Cli;

/// <summary>A small unified diff (LCS over lines) for `check --fix --dry-run`.</summary>
public static class LineDiff
{
    public static string Unified(string path, string before, string after, int context = 2)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        // Trim the common head and tail so the LCS table stays small for big files with small changes.
        int head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        int tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
        var ops = new List<(char Op, int A, int B)>();
        for (int i = 0; i < head; i++) ops.Add((' ', i, i));
        var midA = a[head..(a.Length - tail)];
        var midB = b[head..(b.Length - tail)];
        var lcs = new int[midA.Length + 1, midB.Length + 1];
        for (int i = midA.Length - 1; i >= 0; i--)
            for (int j = midB.Length - 1; j >= 0; j--)
                lcs[i, j] = midA[i] == midB[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < midA.Length || y < midB.Length)
        {
            if (x < midA.Length && y < midB.Length && midA[x] == midB[y]) { ops.Add((' ', head + x, head + y)); x++; y++; }
            else if (y < midB.Length && (x >= midA.Length || lcs[x, y + 1] > lcs[x + 1, y])) { ops.Add(('+', head + x, head + y)); y++; }
            else { ops.Add(('-', head + x, head + y)); x++; }
        }
        for (int i = 0; i < tail; i++) ops.Add((' ', a.Length - tail + i, b.Length - tail + i));

        var sb = new StringBuilder();
        sb.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        int k = 0;
        while (k < ops.Count)
        {
            if (ops[k].Op == ' ') { k++; continue; }
            int start = Math.Max(0, k - context);
            int end = k;
            while (end < ops.Count)
            {
                if (ops[end].Op != ' ') { end++; continue; }
                int run = 0;
                while (end + run < ops.Count && ops[end + run].Op == ' ') run++;
                if (end + run >= ops.Count || run > 2 * context) { end = Math.Min(ops.Count, end + context); break; }
                end += run;
            }
            int aStart = ops[start].A, bStart = ops[start].B;
            int aLen = ops.Skip(start).Take(end - start).Count(o => o.Op != '+');
            int bLen = ops.Skip(start).Take(end - start).Count(o => o.Op != '-');
            sb.Append($"@@ -{aStart + 1},{aLen} +{bStart + 1},{bLen} @@\n");
            for (int i = start; i < end; i++)
            {
                var (op, ai, bi) = ops[i];
                sb.Append(op).Append(op == '+' ? b[bi] : a[ai]).Append('\n');
            }
            k = end;
        }
        return sb.ToString();
    }

    private static string[] SplitLines(string s) => s.Replace("\r\n", "\n").Split('\n');
}
