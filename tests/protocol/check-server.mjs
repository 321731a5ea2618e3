// `npm test` runs this first: a clear message, and no test run, when the server is not built.
import { findServer } from './server.mjs';
try {
  console.log(`pmprep server: ${findServer()}`);
} catch (e) {
  console.error(`\n${e.message}\n`);
  process.exit(1);
}
