/** The process surface runCli uses, so tests can pass in-memory streams. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

/**
 * Colour decision, computed once: --color/--no-color win; then FORCE_COLOR (0/false = off);
 * then NO_COLOR (non-empty = off); then TERM=dumb; else colour only on a TTY.
 * NOTE: chalk 5 ignores NO_COLOR, so we decide ourselves and pass the level to chalk.
 */
export function decideColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (io.env['NO_COLOR']) return false;
  if (io.env['TERM'] === 'dumb') return false;
  return io.stdout.isTTY === true;
}
