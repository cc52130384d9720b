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

// The same JSON lines as the app's (src/lib/server/operations/log.ts).
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'tsunagi' }, timestamp: pino.stdTimeFunctions.isoTime });

const SCHEME_HEADER = 'x-tsunagi-server-scheme';
const deriveOrigin = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
// Read by adapter-node's handler when it loads, so set before importing it.
if (deriveOrigin) process.env.PROTOCOL_HEADER = SCHEME_HEADER;

const { handler } = await import('../build/handler.js');

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000;

const server = http.createServer((req, res) => {
	// Overwrite whatever a client sent: the scheme is a fact about this connection.
	if (deriveOrigin) req.headers[SCHEME_HEADER] = 'http';
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
