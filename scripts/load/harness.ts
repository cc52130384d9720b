/**
 * What the load and fuzz runs share: the production server (scripts/serve.js over build/) started
 * on a free loopback port with a copy of a database, a keep-alive HTTP client that times each
 * request, and percentiles. Everything stays on 127.0.0.1; runs are bounded by time or count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../../tests/helpers/meilisearch';

export interface AppServer {
	url: string;
	child: ChildProcess;
	databasePath: string;
	stop(): Promise<number | null>;
}

/** A consistent copy of the database (VACUUM INTO works while another process writes). */
export function copyDatabase(source: string, target: string): void {
	fs.rmSync(target, { force: true });
	for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		db.prepare('VACUUM INTO ?').run(target);
	} finally {
		db.close();
	}
}

export interface StartOptions {
	/** Wait for /readyz 200 (default), or only for /healthz 200 (a server expected to start not ready). */
	until?: 'ready' | 'live';
	/**
	 * Run the server as an unprivileged user (uid/gid 65534, via setpriv) when this process is root,
	 * so file permissions bind it as they bind a real deployment's service user. (Root ignores them.)
	 */
	unprivileged?: boolean;
	/** The server's stdout lines (JSON logs) go here; otherwise stdout is dropped. */
	onLog?: (line: string) => void;
}

/** uid/gid of the unprivileged server user (nobody/nogroup), or null when this process is not root (it is then bound by permissions itself). */
export const UNPRIVILEGED_ID = process.getuid?.() === 0 ? 65534 : null;

export async function startAppServer(databasePath: string, env: Record<string, string> = {}, readyTimeoutMs = 120_000, options: StartOptions = {}): Promise<AppServer> {
	if (!fs.existsSync(path.resolve('build/handler.js'))) throw new Error('no build: run `npx vite build` (or `npm start` once) first');
	const port = await freePort();
	const { ORIGIN: _origin, MEILI_URL: _meili, ...inherited } = process.env;
	const dropPrivileges = options.unprivileged && UNPRIVILEGED_ID !== null;
	const command = dropPrivileges ? 'setpriv' : process.execPath;
	const args = ['scripts/serve.js'];
	if (dropPrivileges) args.unshift(`--reuid=${UNPRIVILEGED_ID}`, `--regid=${UNPRIVILEGED_ID}`, '--clear-groups', process.execPath);
	const child = spawn(command, args, {
		env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, MAP_TILE_URL: '', GEOCODER: 'fake', LOG_LEVEL: 'warn', RATE_LIMIT_API_PER_MINUTE: '0', RATE_LIMIT_FORMS_PER_MINUTE: '0', ...env },
		stdio: ['ignore', options.onLog ? 'pipe' : 'ignore', 'inherit']
	});
	if (options.onLog) {
		let rest = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			const lines = (rest + chunk.toString('utf8')).split('\n');
			rest = lines.pop() ?? '';
			lines.filter(Boolean).forEach(options.onLog!);
		});
	}
	const url = `http://127.0.0.1:${port}`;
	const probe = options.until === 'live' ? '/healthz' : '/readyz';
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		const ready = await request(url + probe).catch(() => null);
		if (ready?.status === 200) break;
		if (Date.now() > deadline) throw new Error(`server not ${options.until ?? 'ready'} after ${readyTimeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return {
		url,
		child,
		databasePath,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve(child.exitCode);
				child.once('exit', (code) => resolve(code));
				child.kill('SIGTERM');
			})
	};
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Timed {
	status: number;
	ms: number;
	body: string;
	headers: http.IncomingHttpHeaders;
}

/** GET (or POST with a form body) over a keep-alive connection, timed; rejects only on network errors. */
export function request(url: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Timed> {
	const started = performance.now();
	const method = options.method ?? 'GET';
	const send = (retried: boolean): Promise<Timed> =>
		new Promise((resolve, reject) => {
			const req = http.request(url, { method, agent, headers: options.headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
				res.on('error', reject);
			});
			req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
			req.on('error', (error: NodeJS.ErrnoException) => {
				// A kept-alive socket the server closed after its idle timeout, reused before this process
				// saw the close ("socket hang up"): the request never reached the server, so send it again
				// once on a fresh socket, as Node's documentation advises (request.reusedSocket).
				if (!retried && req.reusedSocket && (method === 'GET' || method === 'HEAD') && error.code === 'ECONNRESET') send(true).then(resolve, reject);
				else reject(error);
			});
			req.end(options.body);
		});
	return send(false);
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Deterministic random numbers (mulberry32), so a run can be repeated. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
