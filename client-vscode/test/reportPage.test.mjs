// Unit tests of the coverage report webview's page handling: the server's report is shown only
// with its strict content security policy; placeholders load nothing. reportPage.ts uses no
// `vscode` module, so it runs here in plain Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmprep-report-test-'));
const bundle = path.join(tmp, 'reportPage.cjs');
await esbuild.build({ entryPoints: [path.join(here, '../src/reportPage.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
const { reportPage, pagePolicy, isStrictPolicy, placeholderPage, REPORT_REQUEST } = createRequire(import.meta.url)(bundle);

// The renderer's policy as ReportRenderer.ContentSecurityPolicy writes it (HTML-encoded quotes).
const RENDERER_POLICY = "default-src 'none'; style-src 'sha256-aUPq0fXc1r5n1bR8Qx0m3qTq2uQY0tF3m8y9t1Zq0Ek='; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'";
const page = (policy) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8"/>\n<meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#39;')}"/>\n<title>Story bank report</title><style>body{}</style></head><body><main><table id="heatmap"></table></main></body></html>`;

test('the request name matches docs/protocol.md', () => {
  assert.equal(REPORT_REQUEST, 'pmprep/report');
});

test("the renderer's page is shown unchanged", () => {
  const html = page(RENDERER_POLICY);
  assert.equal(pagePolicy(html), RENDERER_POLICY);
  assert.equal(isStrictPolicy(RENDERER_POLICY), true);
  assert.equal(reportPage({ html }), html);
});

test('a page whose policy is missing or loosened is not shown', () => {
  for (const policy of [
    "default-src 'none'; style-src 'unsafe-inline'",
    "default-src 'none'; style-src 'sha256-abc='; script-src 'nonce-xyz'",
    "default-src *; style-src 'sha256-abc='",
    "style-src 'sha256-abc='",
    "default-src 'none'; img-src https:",
    "default-src 'none'; img-src data:",
    "default-src 'sha256-abc='",
  ]) {
    assert.equal(isStrictPolicy(policy), false, policy);
    const shown = reportPage({ html: page(policy) });
    assert.doesNotMatch(shown, /heatmap/, policy);
    assert.match(shown, /not shown/);
  }
  assert.match(reportPage({ html: '<html><body><table id="heatmap"></table></body></html>' }), /not shown/);
});

test('placeholders load nothing and escape their message', () => {
  const html = placeholderPage('<b>wait</b>');
  assert.equal(pagePolicy(html), "default-src 'none'");
  assert.match(html, /&lt;b&gt;wait&lt;\/b&gt;/);
  assert.doesNotMatch(html, /<script|<style/i);
  assert.match(reportPage(undefined), /Waiting for the PmPrep language server/);
});
