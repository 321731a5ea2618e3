/**
 * The coverage report page as the webview shows it. The HTML comes from the language server
 * (`pmprep/report`, the same renderer as `pmprep report`); this module only checks that the page
 * keeps its strict Content-Security-Policy and supplies placeholder pages. No `vscode` import, so
 * it is unit-tested in plain Node.
 */

export const REPORT_REQUEST = 'pmprep/report';

export interface ReportResult {
  html: string;
}

/** For pages of our own (waiting, errors): nothing may load at all. */
export const PLACEHOLDER_POLICY = "default-src 'none'";

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(?:"([^"]*)"|'([^']*)')\s*\/?>/i;

function decode(s: string): string {
  return s
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&quot;|&#34;/gi, '"')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

/** The policy in the page's first Content-Security-Policy meta tag, decoded; undefined without one. */
export function pagePolicy(html: string): string | undefined {
  const m = CSP_META.exec(html);
  return m ? decode(m[1] ?? m[2] ?? '') : undefined;
}

/**
 * True when the policy lets the page load nothing but hash-allowed inline content:
 * `default-src 'none'`, and every source of every directive is `'none'` or a `'sha…-'` hash (no
 * `'unsafe-inline'`, no nonces, hosts, schemes or `*`). The renderer's policy
 * (`default-src 'none'; style-src 'sha256-…'; img-src 'none'; …`) passes.
 */
export function isStrictPolicy(policy: string): boolean {
  let sawDefault = false;
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    if (sources.length === 0) return false;
    for (const src of sources) {
      if (src === "'none'") continue;
      if (name.toLowerCase() !== 'default-src' && /^'sha(256|384|512)-[A-Za-z0-9+/_=-]+'$/.test(src)) continue;
      return false;
    }
    if (name.toLowerCase() === 'default-src') sawDefault = true;
  }
  return sawDefault;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A plain page with a message and nothing else: no styles, no scripts. */
export function placeholderPage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PLACEHOLDER_POLICY}">
<title>PmPrep: Coverage Report</title></head>
<body><p>${esc(message)}</p></body></html>`;
}

/**
 * What the webview shows for a server answer: the report itself when it carries a strict policy,
 * else an explanation (a page without one is never shown).
 */
export function reportPage(result: ReportResult | undefined): string {
  if (!result || typeof result.html !== 'string') return placeholderPage('Waiting for the PmPrep language server…');
  const policy = pagePolicy(result.html);
  if (policy === undefined || !isStrictPolicy(policy)) {
    return placeholderPage('The PmPrep language server sent a report without its strict content security policy, so it is not shown. Update PmPrep, or see the PmPrep output.');
  }
  return result.html;
}
