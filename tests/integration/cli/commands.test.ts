/**
 * The command-line tools as an operator meets them: bad options and unreachable services give one
 * clear line and a non-zero exit (never a stack trace), and --help prints the usage.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string | undefined> = {}) {
	const { MEILI_URL: _unset, ...base } = process.env;
	return spawnSync(path.resolve('node_modules/.bin/tsx'), [script, ...args], {
		env: { ...base, DATABASE_PATH: path.join(dir, 'cli.db'), ...env },
		encoding: 'utf8',
		timeout: 90_000
	});
}

const NO_STACK = /\n\s+at /;

describe('command-line tools', () => {
	it('search:reindex with an unreachable MEILI_URL says so in one line and exits non-zero', () => {
		const result = run('scripts/search-reindex.ts', [], { MEILI_URL: 'http://127.0.0.1:9' });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/search:reindex: Meilisearch at http:\/\/127\.0\.0\.1:9 cannot be reached/);
		expect(result.stderr).not.toMatch(NO_STACK);
	}, 100_000);

	it('search:reindex without MEILI_URL rebuilds the embedded index and says Meilisearch was skipped', () => {
		const result = run('scripts/search-reindex.ts', []);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/embedded index rebuilt/);
		expect(result.stdout).toMatch(/Meilisearch: skipped \(MEILI_URL is not set/);
	}, 100_000);

	it('eval:search --help prints the usage; an unknown option is one clear line', () => {
		const help = run('scripts/eval-search.ts', ['--help']);
		expect(help.status).toBe(0);
		expect(help.stdout).toMatch(/usage: npm run eval:search/);
		expect(help.stdout).toMatch(/--queries FILE/);
		const unknown = run('scripts/eval-search.ts', ['--nope']);
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toMatch(/eval:search: Unknown option '--nope'/);
		expect(unknown.stderr).not.toMatch(NO_STACK);
	}, 100_000);
});
