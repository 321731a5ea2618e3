// Bundles the client and vscode-languageclient into one file, ./out/extension.js, so that the
// VSIX ships no node_modules. `vscode` is provided by the editor at run time.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: [path.join(root, 'client-vscode/src/extension.ts')],
  bundle: true,
  outfile: path.join(root, 'out/extension.js'),
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
