/**
 * Readiness on a real SQLite file: ready while the database takes writes and its migrations are
 * applied; not ready (and writes refused) in read-only maintenance, while searches keep answering;
 * ready again when the flag is gone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../../src/lib/server/app';
import { loadConfig } from '../../../src/lib/server/config';
import { databaseWritable, forgetWriteProbe, maintenanceFlag, readiness } from '../../../src/lib/server/operations/health';
import { parseSearchParams } from '../../../src/lib/domain/search';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/sessions';
import { createUser } from '../../../src/lib/server/auth/users';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-health-'));
const config = loadConfig({ DATABASE_PATH: path.join(dir, 'health.db'), MIGRATIONS_DIR: path.resolve('drizzle') });
const app = createApp(config);
afterAll(() => {
	app.db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('readiness', () => {
	it('is ready on a migrated, writable database and reports the engine', () => {
		forgetWriteProbe();
		const state = readiness(app);
		expect(state.ready).toBe(true);
		expect(state.database.writable).toBe(true);
		expect(state.database.migrations.applied).toBe(state.database.migrations.expected);
		expect(state.database.migrations.expected).toBeGreaterThan(0);
		expect(state.search.engine).toBe('embedded');
	});

	it('is not ready while the database is read-only; reads keep working; ready again afterwards', async () => {
		const userId = await createUser(app.db, { email: 'ops@example.jp', displayName: 'ops', password: 'correct horse battery staple', role: 'admin' }, null);
		const { token } = createSession(app.db, userId, new Date(Date.now() - 3 * 24 * 3600_000)); // due for renewal
		fs.writeFileSync(maintenanceFlag(config.databasePath), '');
		forgetWriteProbe();
		const readOnly = readiness(app);
		expect(readOnly.ready).toBe(false);
		expect(readOnly.database.writable).toBe(false);
		expect(() => app.db.$client.prepare("INSERT INTO login_attempts (key, at) VALUES ('x', 1)").run()).toThrow(/readonly/);
		// Reads go on: a search (which would count a miss) and a signed-in page (which would renew the session).
		const query = parseSearchParams(new URLSearchParams({ q: '見つからない言葉' }));
		expect(query.ok).toBe(true);
		if (query.ok) expect((await app.search.search(query.query)).result.total).toBe(0);
		expect(validateSessionToken(app.db, token)?.user.id).toBe(userId);

		fs.rmSync(maintenanceFlag(config.databasePath));
		forgetWriteProbe();
		expect(readiness(app).ready).toBe(true);
		expect(databaseWritable(app).writable).toBe(true);
	});
});
