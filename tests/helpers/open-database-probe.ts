/**
 * Opens a database with the app's openDatabase and prints what it found, as JSON on stdout: run as
 * a separate process (tests/integration/operations/read-only-database.test.ts runs it as an
 * unprivileged user, whom file permissions bind). Usage: tsx open-database-probe.ts <file>
 */
import path from 'node:path';
import { connectionMode, databaseFileAccess, openDatabase } from '../../src/lib/server/db';

const file = process.argv[2];
const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
let writeError: string | null = null;
try {
	db.$client.prepare("INSERT INTO search_misses (query, count, last_at) VALUES ('probe', 1, '2026-11-30')").run();
} catch (error) {
	writeError = (error as { code?: string }).code ?? String(error);
}
const misses = db.$client.prepare('SELECT query FROM search_misses ORDER BY query').pluck().all();
console.log(JSON.stringify({ mode: connectionMode(db), access: databaseFileAccess(file), misses, writeError }));
db.$client.close();
