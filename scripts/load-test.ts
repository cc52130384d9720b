/**
 * Loopback load test: `npm run test:load [-- options]`.
 *   --duration S        seconds of load per engine (default 60, at most 300)
 *   --concurrency N     requests in flight (default 16)
 *   --engines LIST      embedded,meilisearch (default both)
 *   --db FILE           the database to copy (default data/tsunagi.db; made with db:setup when missing)
 *   --fault             with Meilisearch: kill it at 1/3 of the run and restart it at 2/3, while a
 *                       curator keeps saving 確認済み; afterwards the outbox must catch up and every
 *                       change be in Meilisearch
 * A realistic mix against the production server (scripts/serve.js): keyword searches (pages and
 * /api/search), searches near a point, listing pages, area pages, and the calendar and list pages
 * when the build has them. Prints req/s, p50/p95/p99 and errors per kind. Exit 1 on any 5xx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../src/lib/server/db';
import { createUser } from '../src/lib/server/auth/users';
import { MeilisearchSearchEngine } from '../src/lib/server/search/meilisearch/engine';
import { startMeilisearch, type MeilisearchProcess } from '../tests/helpers/meilisearch';
import { copyDatabase, percentile, pick, request, seededRandom, startAppServer, type AppServer } from './load/harness';
import { CliError, parseCliArgs, runCli } from './lib/cli';

const USAGE = `
usage: npm run test:load [-- --duration 60 --concurrency 16 --engines embedded,meilisearch --db data/tsunagi.db --fault]
`;
const values = parseCliArgs('test:load', USAGE, {
	duration: { type: 'string', default: '60' },
	concurrency: { type: 'string', default: '16' },
	engines: { type: 'string', default: 'embedded,meilisearch' },
	db: { type: 'string', default: 'data/tsunagi.db' },
	fault: { type: 'boolean', default: false }
});

const WORDS = ['サロン', '薬局', '百歳体操', '子ども食堂', '相談', '介護', '障害', '子育て', '認知症', 'デイサービス', '包括', '社協', '見守り', '配食', 'ゴミ出し', '電球が切れた', '病院に行く足がない', 'やっきょく', '旭の薬局', '公民館'];
const CENTRES = [
	{ lat: 33.5597, lng: 133.5311 },
	{ lat: 33.5665, lng: 133.5135 },
	{ lat: 33.5841, lng: 133.5766 },
	{ lat: 33.5207, lng: 133.4859 }
];

interface Sample {
	kind: string;
	status: number;
	ms: number;
}

interface Target {
	kind: string;
	weight: number;
	url: (random: () => number) => string;
}

function targets(ids: string[], areaSlugs: string[], extra: string[]): Target[] {
	const list: Target[] = [
		{ kind: 'search page (keyword)', weight: 30, url: (r) => `/search?q=${encodeURIComponent(pick(r, WORDS))}` },
		{ kind: 'api search (keyword)', weight: 15, url: (r) => `/api/search?q=${encodeURIComponent(pick(r, WORDS))}&per_page=20` },
		{
			kind: 'search near a point',
			weight: 15,
			url: (r) => {
				const centre = pick(r, CENTRES);
				const lat = (centre.lat + (r() - 0.5) * 0.02).toFixed(5);
				const lng = (centre.lng + (r() - 0.5) * 0.02).toFixed(5);
				return r() < 0.5 ? `/api/search?lat=${lat}&lng=${lng}&radius_km=2` : `/search?q=${encodeURIComponent(pick(r, WORDS))}&lat=${lat}&lng=${lng}`;
			}
		},
		{ kind: 'listing page', weight: 25, url: (r) => `/services/${pick(r, ids)}` },
		{ kind: 'area page', weight: 5, url: (r) => `/areas/${pick(r, areaSlugs)}` }
	];
	for (const pathname of extra) list.push({ kind: `${pathname} page`, weight: 5, url: () => pathname });
	return list;
}

async function runLoad(server: AppServer, plan: Target[], seconds: number, concurrency: number, onTick?: (elapsedS: number) => Promise<void>): Promise<{ samples: Sample[]; wallS: number }> {
	const samples: Sample[] = [];
	const totalWeight = plan.reduce((sum, target) => sum + target.weight, 0);
	const started = performance.now();
	const deadline = started + seconds * 1000;
	const worker = async (seed: number) => {
		const random = seededRandom(seed);
		while (performance.now() < deadline) {
			let roll = random() * totalWeight;
			const target = plan.find((candidate) => (roll -= candidate.weight) < 0) ?? plan[0];
			const result = await request(server.url + target.url(random)).catch((error: Error) => ({ status: 0, ms: 0, body: error.message }));
			samples.push({ kind: target.kind, status: result.status, ms: result.ms });
		}
	};
	const ticker = (async () => {
		if (!onTick) return;
		while (performance.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await onTick((performance.now() - started) / 1000);
		}
	})();
	await Promise.all([...Array.from({ length: concurrency }, (_, i) => worker(i + 1)), ticker]);
	return { samples, wallS: (performance.now() - started) / 1000 };
}

function report(label: string, samples: Sample[], wallS: number): { fivexx: number; failed: number } {
	const kinds = [...new Set(samples.map((sample) => sample.kind)), 'all'];
	console.log(`\n${label}: ${samples.length} requests in ${wallS.toFixed(1)} s`);
	console.log('| kind | requests | req/s | p50 ms | p95 ms | p99 ms | 5xx | other errors |');
	console.log('|---|---|---|---|---|---|---|---|');
	let fivexx = 0;
	let failed = 0;
	for (const kind of kinds) {
		const rows = kind === 'all' ? samples : samples.filter((sample) => sample.kind === kind);
		const times = rows.filter((row) => row.status > 0).map((row) => row.ms).sort((a, b) => a - b);
		const errors5 = rows.filter((row) => row.status >= 500).length;
		const others = rows.filter((row) => row.status === 0 || (row.status >= 400 && row.status < 500)).length;
		if (kind === 'all') {
			fivexx = errors5;
			failed = others;
		}
		console.log(
			`| ${kind} | ${rows.length} | ${(rows.length / wallS).toFixed(1)} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${errors5} | ${others} |`
		);
	}
	return { fivexx, failed };
}

async function signIn(server: AppServer, email: string, password: string): Promise<string> {
	const response = await request(`${server.url}/admin/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }).toString(),
		headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const cookie = [response.headers['set-cookie'] ?? []].flat().find((line) => line.startsWith('tsunagi_session='));
	if (!cookie) throw new CliError(`sign-in for the fault run failed (${response.status})`);
	return cookie.split(';')[0];
}

await runCli('test:load', async () => {
	const seconds = Math.min(300, Math.max(1, Number(values.duration)));
	const concurrency = Math.min(64, Math.max(1, Number(values.concurrency)));
	const engines = values.engines!.split(',').map((name) => name.trim());
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-load-'));
	let source = path.resolve(values.db!);
	if (!fs.existsSync(source)) {
		source = path.join(workDir, 'sample.db');
		console.log(`${values.db} not found: creating the sample database`);
		const setup = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db-setup.ts'], { env: { ...process.env, DATABASE_PATH: source }, stdio: 'inherit' });
		if (setup.status !== 0) throw new CliError('db:setup failed');
	}
	console.log(`load: ${seconds} s per engine, ${concurrency} in flight, on ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0].toFixed(2)}`);
	let failures = 0;
	try {
		for (const engine of engines) {
			const databasePath = path.join(workDir, `${engine}.db`);
			copyDatabase(source, databasePath);
			const db = openDatabase(databasePath, { migrationsDir: path.resolve('drizzle') });
			const ids = db.$client.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id").pluck().all() as string[];
			const areaSlugs = db.$client.prepare("SELECT slug FROM areas WHERE kind <> '市域'").pluck().all() as string[];
			const password = 'load test password 1234';
			if (values.fault) await createUser(db, { email: 'load@example.jp', displayName: '負荷試験', password, role: 'curator' }, null);
			db.$client.close();
			let meili: MeilisearchProcess | null = null;
			const env: Record<string, string> = {};
			if (engine === 'meilisearch') {
				meili = await startMeilisearch({ maxIndexingThreads: 1 });
				Object.assign(env, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: 'services' });
			}
			console.log(`\n${engine}: starting the server${meili ? ' (Meilisearch is indexed at start)' : ''}…`);
			const server = await startAppServer(databasePath, env);
			try {
				if (meili) {
					// Wait until the start-up reindex is done and Meilisearch answers.
					for (let i = 0; ; i++) {
						const probe = await request(`${server.url}/api/search?q=${encodeURIComponent('サロン')}`);
						const ready = JSON.parse((await request(`${server.url}/readyz`)).body) as { outbox?: { pending: number } | null };
						if (probe.headers['x-search-engine'] === 'meilisearch' && (ready.outbox?.pending ?? 0) === 0) break;
						if (i > 600) throw new CliError('Meilisearch did not take over within 5 minutes');
						await new Promise((resolve) => setTimeout(resolve, 500));
					}
				}
				const extra: string[] = [];
				for (const pathname of ['/events', '/list']) if ((await request(server.url + pathname)).status === 200) extra.push(pathname);
				const plan = targets(ids, areaSlugs, extra);
				const verified: string[] = [];
				let cookie = '';
				if (values.fault && meili) cookie = await signIn(server, 'load@example.jp', password);
				let killed = false;
				let restarted = false;
				const onTick =
					values.fault && meili
						? async (elapsed: number) => {
								if (!killed && elapsed >= seconds / 3) {
									killed = true;
									await meili!.kill();
									console.log(`  ${elapsed.toFixed(0)} s: Meilisearch killed`);
								} else if (killed && !restarted && elapsed >= (2 * seconds) / 3) {
									restarted = true;
									await meili!.restart();
									console.log(`  ${elapsed.toFixed(0)} s: Meilisearch restarted`);
								}
								const id = ids[verified.length * 7 % ids.length];
								const saved = await request(`${server.url}/admin/listings/${id}?/verify`, {
									method: 'POST',
									body: '',
									headers: { origin: server.url, cookie, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' }
								});
								if (saved.status === 200) verified.push(id);
								else console.log(`  a 確認済み save answered ${saved.status}`);
							}
						: undefined;
				const { samples, wallS } = await runLoad(server, plan, seconds, concurrency, onTick);
				const result = report(`${engine}${values.fault && meili ? ' (Meilisearch killed and restarted)' : ''}`, samples, wallS);
				if (result.fivexx > 0) failures++;
				if (values.fault && meili) {
					// The outbox catches up, and every change saved meanwhile is in Meilisearch.
					const started = Date.now();
					for (;;) {
						const state = JSON.parse((await request(`${server.url}/readyz`)).body) as { outbox: { pending: number } };
						if (state.outbox.pending === 0) break;
						if (Date.now() - started > 120_000) throw new CliError(`outbox still has ${state.outbox.pending} rows after 120 s`);
						await new Promise((resolve) => setTimeout(resolve, 500));
					}
					const check = openDatabase(databasePath, { migrationsDir: path.resolve('drizzle'), readonly: true });
					const versions = await new MeilisearchSearchEngine({ url: meili.url, apiKey: meili.masterKey, index: 'services' }).indexedVersions();
					const stale = [...new Set(verified)].filter(
						(id) => versions.get(id) !== (check.$client.prepare('SELECT updated_at FROM services WHERE id = ?').pluck().get(id) as string)
					);
					check.$client.close();
					console.log(`fault: ${verified.length} saves during the run (${killed ? 'Meilisearch was down for a third of it' : 'no outage'}); outbox caught up in ${((Date.now() - started) / 1000).toFixed(1)} s; ${stale.length} changes missing in Meilisearch`);
					if (stale.length > 0 || verified.length === 0) failures++;
				}
			} finally {
				const code = await server.stop();
				if (code !== 0) console.log(`server exited with ${code}`);
				await meili?.dispose();
			}
		}
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	if (failures > 0) throw new CliError(`${failures} run(s) had 5xx answers or lost changes`);
});
