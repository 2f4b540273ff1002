import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, a free loopback
 * port, SCRAM passwords over TCP and trust on the Unix socket, every statement logged.
 */
export interface PostgresServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: 'postgres';
  readonly password: string;
  readonly version: string;
  /** `postgres://postgres:<password>@127.0.0.1:<port>/<database>`. */
  url(database: string, password?: string): string;
  /** Lines the server logged so far (log_statement = all, prefixed `[application_name] `). */
  log(): string[];
  stop(): Promise<void>;
}

/**
 * The folder holding initdb and pg_ctl: $SCHEMA_LINT_PG_BINDIR, else the newest Debian/Ubuntu
 * /usr/lib/postgresql/<version>/bin, else `pg_config --bindir`. Undefined when there is none.
 */
export function findPostgresBinaries(): string | undefined {
  const has = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  const fromEnv = process.env.SCHEMA_LINT_PG_BINDIR;
  if (fromEnv) return has(fromEnv) ? fromEnv : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (has(path.join(debian, version, 'bin'))) return path.join(debian, version, 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (has(dir)) return dir;
  } catch {
    // NOTE: no pg_config on the PATH: no server binaries either, as far as we can tell.
  }
  return undefined;
}

/**
 * NOTE: initdb and postgres refuse to run as root. As root, the binaries run as the `postgres`
 * system user (which the Debian package creates) through runuser, in a folder that user owns.
 */
function runAs(): { uid: number; gid: number; prefix: string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g'), prefix: ['runuser', '-u', 'postgres', '--'] };
  } catch {
    throw new Error('Running as root, but there is no `postgres` system user to run initdb and postgres as.');
  }
}

export async function startPostgresServer(binDir: string): Promise<PostgresServer> {
  const user = runAs();
  const root = mkdtempSync(path.join(tmpdir(), 'schema-lint-pg-'));
  const data = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const password = `pw-${Math.random().toString(36).slice(2)}-s3cr3t`;
  const passwordFile = path.join(root, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  writeFileSync(logFile, '');
  mkdirSync(data, { mode: 0o700 });
  if (user) for (const p of [root, data, passwordFile, logFile]) chownSync(p, user.uid, user.gid);
  const run = (binary: string, args: string[]) => {
    const command = [...(user?.prefix ?? []), path.join(binDir, binary), ...args];
    return execFileSync(command[0]!, command.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--pwfile', passwordFile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    appendFileSync(
      path.join(data, 'postgresql.conf'),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        "log_statement = 'all'",
        "log_line_prefix = '[%a] '",
        '',
      ].join('\n'),
    );
    run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(root, { recursive: true, force: true });
    const e = error as { stderr?: string; message: string };
    throw new Error(`Cannot start a PostgreSQL test server: ${e.stderr || e.message}\n${log}`, { cause: error });
  }
  const version = run('postgres', ['--version']).trim();
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    version,
    url: (database, pw = password) => `postgres://postgres:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`,
    log: () => {
      const text = readFileSync(logFile, 'utf8');
      return text === '' ? [] : text.replace(/\n$/, '').split('\n');
    },
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
