import { describe, expect, it } from 'vitest';
import { maskDatabaseUrl, scrubSecrets } from '../../src/db-check/connection-url.js';
import { DbCheckError, runDbCheck } from '../../src/db-check/index.js';

describe('maskDatabaseUrl', () => {
  it.each([
    ['postgres://user:s3cret@db.example.com:5432/app', 'postgres://user:***@db.example.com:5432/app'],
    ['postgresql://user:p%40ss%2Fw@host/db?sslmode=require', 'postgresql://user:***@host/db?sslmode=require'],
    ['postgres://user:p@ss/w@host/db', 'postgres://user:***@host/db'],
    ['postgres://user@host/db', 'postgres://user@host/db'],
    ['postgres://host/db?user=u&password=hunter22&sslmode=require', 'postgres://host/db?user=u&password=***&sslmode=require'],
    ['host=db user=app password=hunter22 dbname=app', 'host=db user=app password=*** dbname=app'],
    ["host=db password='with space' dbname=app", 'host=db password=*** dbname=app'],
  ])('%s → %s', (url, masked) => {
    expect(maskDatabaseUrl(url)).toBe(masked);
  });
});

describe('scrubSecrets', () => {
  it('removes the URL and every spelling of its password from a message', () => {
    const url = 'postgres://app:p%40ss%2Fword@db:5432/app';
    const message = `connect failed for ${url} (password p@ss/word, encoded p%40ss%2Fword)`;
    const scrubbed = scrubSecrets(message, url);
    expect(scrubbed).toBe('connect failed for postgres://app:***@db:5432/app (password ***, encoded ***)');
  });
});

describe('runDbCheck with an unusable URL', () => {
  it('never repeats the password in its error', async () => {
    const secret = 'Sup3r-S3cret!';
    for (const url of [`postgres://app:${secret}@host.invalid:5432/app`, `postgres://app:${secret}@127.0.0.1:1/app`, `not a url ${secret}`]) {
      const error = await runDbCheck({ model: { tables: [], enums: [], files: [] }, databaseUrl: url, connectTimeoutMs: 2_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbCheckError);
      const e = error as DbCheckError;
      expect(`${e.message} ${e.hint ?? ''} ${String(e.stack)}`).not.toContain(secret);
    }
  }, 20_000);
});
