/**
 * Structured logs: one JSON object a line on stdout (pino), for journald, Docker or a log
 * collector. LOG_LEVEL (default info; warn under the test runner). Each request line carries its
 * request id (x-request-id, taken from a proxy when well-formed, else made here), method, route,
 * status and milliseconds; slow requests and slow searches get their own warn lines.
 */
import pino from 'pino';

export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
	base: { service: 'tsunagi' },
	timestamp: pino.stdTimeFunctions.isoTime
});

/** A request slower than this is logged at warn (SLOW_REQUEST_MS, default 1000). */
export const SLOW_REQUEST_MS = Number(process.env.SLOW_REQUEST_MS ?? 1000);
/** A search slower than this is logged at warn with its query (SLOW_SEARCH_MS, default 300). */
export const SLOW_SEARCH_MS = Number(process.env.SLOW_SEARCH_MS ?? 300);

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The proxy's request id when it is a plain token (never trusted into the logs otherwise). */
export function requestIdFrom(header: string | null): string | null {
	return header && REQUEST_ID.test(header) ? header : null;
}
