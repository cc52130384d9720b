/**
 * Serves the production build (`npm run serve`; `npm start` builds first when sources changed).
 *
 * Why not build/index.js: adapter-node assumes https when ORIGIN is not set, so on a plain
 * http://localhost:PORT every form post fails SvelteKit's origin check (403) and printed links say
 * https://. This server is plain http, so without ORIGIN (and without PROTOCOL_HEADER) the origin
 * is taken as http://<Host header>; the scheme comes from this server, never from the client.
 * Behind a TLS proxy set ORIGIN (or PROTOCOL_HEADER/HOST_HEADER) as adapter-node documents.
 *
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting, let requests in flight finish (at most
 * SHUTDOWN_TIMEOUT seconds, default 30), then emit `sveltekit:shutdown` so the app flushes the
 * search outbox and closes SQLite, then exit.
 */
import http from 'node:http';
import process from 'node:process';
import pino from 'pino';
import { refusalAnswer } from '../src/lib/server/refusal.js';

// The same JSON lines as the app's (src/lib/server/operations/log.ts).
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'tsunagi' }, timestamp: pino.stdTimeFunctions.isoTime });

const SCHEME_HEADER = 'x-tsunagi-server-scheme';
const deriveOrigin = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
// Read by adapter-node's handler when it loads, so set before importing it.
if (deriveOrigin) process.env.PROTOCOL_HEADER = SCHEME_HEADER;

/** As adapter-node reads BODY_SIZE_LIMIT: a number of bytes with an optional K, M or G. */
function parseBytes(value) {
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.at(-1)?.toUpperCase()] ?? 1;
	return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

// Bodies are small everywhere except the admin's data import (a CSV or HSDS file of up to 50 MB).
// adapter-node has one limit for all paths, so it gets the larger one and this server holds every
// other path to BODY_SIZE_LIMIT before the body is read.
const bodyLimit = parseBytes(process.env.BODY_SIZE_LIMIT ?? '512K');
const uploadLimit = parseBytes(process.env.UPLOAD_BODY_SIZE_LIMIT ?? '52M');
for (const [name, value] of [['BODY_SIZE_LIMIT', bodyLimit], ['UPLOAD_BODY_SIZE_LIMIT', uploadLimit]]) {
	if (!(value > 0)) {
		console.error(`${name} は 512K や 52M のように書いてください（${name} must be a size such as 512K or 52M）`);
		process.exit(1);
	}
}
process.env.BODY_SIZE_LIMIT = String(Math.max(bodyLimit, uploadLimit));
const UPLOAD_PATHS = new Set(['/admin/data']);

/** The limit for this request, and whether the body must be refused before it is read. */
function bodyRefusal(req) {
	if (req.method === 'GET' || req.method === 'HEAD') return null;
	const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
	const limit = UPLOAD_PATHS.has(pathname) ? uploadLimit : bodyLimit;
	const length = req.headers['content-length'];
	if (length !== undefined) return Number(length) > limit ? { status: 413, limit } : null;
	// A body without a length could only be counted by reading it: outside uploads, ask for one.
	return req.headers['transfer-encoding'] && limit < uploadLimit ? { status: 411, limit } : null;
}

function refuseBody(req, res, { status, limit }) {
	const megabytes = limit >= 1024 ** 2 ? `${Math.floor(limit / 1024 ** 2)}MB` : `${Math.floor(limit / 1024)}KB`;
	const message =
		status === 413
			? { ja: `送信された内容が大きすぎます（${megabytes}まで）。入力を短くするか、ファイルを分けてください。`, en: `The request body is too large (at most ${megabytes}).` }
			: { ja: '送信された内容の長さが分かりません。もう一度送信してください。', en: 'A request body needs a Content-Length header.' };
	const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
	const answer = refusalAnswer({ pathname, method: req.method ?? 'POST', header: (name) => req.headers[name] }, status, message);
	res.writeHead(status, { ...answer.headers, 'content-security-policy': "default-src 'none'", connection: 'close' });
	res.end(answer.body);
	req.resume();
}

const { handler } = await import('../build/handler.js');

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000;

const server = http.createServer((req, res) => {
	// Overwrite whatever a client sent: the scheme is a fact about this connection.
	if (deriveOrigin) req.headers[SCHEME_HEADER] = 'http';
	const refusal = bodyRefusal(req);
	if (refusal) return refuseBody(req, res, refusal);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

let inFlight = 0;
let stopping = false;
server.on('request', (req, res) => {
	inFlight++;
	res.on('close', () => {
		inFlight--;
		if (stopping) server.closeIdleConnections();
	});
});

server.listen(port, host, () => {
	const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
	const origin = deriveOrigin ? 'http://<Host header>' : (process.env.ORIGIN || `from ${process.env.PROTOCOL_HEADER}`);
	logger.info({ url, origin }, `Listening on ${url}`);
});

function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	logger.info({ signal, in_flight: inFlight }, 'shutting down: no new connections, finishing requests in flight');
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
	force.unref();
	server.close(() => {
		clearTimeout(force);
		// The app's listeners (src/hooks.server.ts) flush the outbox and close the database.
		process.emit('sveltekit:shutdown', signal);
		// The process ends when that work is done; this only stops a stuck one.
		setTimeout(() => process.exit(0), 10_000).unref();
	});
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
