export { DEFAULT_DATABASE_URL, isPostgresUrl, openStore, sqlitePathOf } from './open-store.js';
export { applyPostgresMigrations, POSTGRES_MIGRATIONS } from './postgres/apply-postgres-migrations.js';
export { readPostgresUrl } from './postgres/open-postgres-store.js';
export { type Migration, migrationsDir, readMigrations } from './read-migrations.js';
export { applySqliteMigrations, SQLITE_MIGRATIONS } from './sqlite/apply-sqlite-migrations.js';
export { storeMessages } from './store-messages.js';
