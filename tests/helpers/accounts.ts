/** Accounts for the e2e tests, made with the CLI (scripts/admin-create.ts) as an operator would. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Idempotent: beforeAll runs again in a new worker after a failed test. */
export function createAccount(
	databasePath: string,
	password: string,
	account: { email: string; name: string },
	role: string,
	organizationIds: string[] = []
): void {
	const db = new Database(databasePath, { readonly: true });
	const exists = db.prepare('SELECT 1 FROM users WHERE email = ?').get(account.email) !== undefined;
	db.close();
	if (exists) return;
	const args = ['scripts/admin-create.ts', '--email', account.email, '--name', account.name, '--role', role];
	for (const id of organizationIds) args.push('--org', id);
	execFileSync(path.resolve('node_modules/.bin/tsx'), args, {
		input: `${password}\n`,
		env: { ...process.env, DATABASE_PATH: databasePath },
		stdio: ['pipe', 'ignore', 'inherit']
	});
}
