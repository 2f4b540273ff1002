/** Entry of the bundled CLI (dist/schema-lint.cjs): runs the command line on the real process. */
export { runCli } from './run-cli.js';
