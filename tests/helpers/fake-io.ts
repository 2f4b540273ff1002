import type { CliIo } from '../../src/cli/io.js';

export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** In-memory streams for runCli tests; colour off unless the env asks for it. */
export function fakeIo(cwd: string, env: Record<string, string | undefined> = {}, isTTY = false): FakeIo {
  let out = '';
  let err = '';
  return {
    cwd,
    env,
    stdout: { write: (text: string) => (out += text), isTTY },
    stderr: { write: (text: string) => (err += text), isTTY },
    out: () => out,
    err: () => err,
  };
}
