export { maskDatabaseUrl } from './connection-url.js';
export { DbCheckError, type DbCheckErrorCode } from './db-check-error.js';
export type { MigrationProgress } from './embedded-database.js';
export { DB_CHECK_ID, DB_CHECK_IDS, type DbCheckId } from './ids.js';
export type { MigrationsFormat } from './migrations.js';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  runDbCheck,
  type DbCheckOptions,
  type DbCheckResult,
  type DbCheckSource,
} from './run-db-check.js';
