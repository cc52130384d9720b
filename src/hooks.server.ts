import { redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { sequence } from '@sveltejs/kit/hooks';
import { closeApp, getApp } from '$lib/server/app';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth/sessions';
import { isAdminPath, isPublicAdminPath } from '$lib/server/auth/permissions';
import { compression } from '$lib/server/compression';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { rateLimitsFromEnv } from '$lib/server/operations/rate-limit';
import { refusalAnswer } from '$lib/server/refusal';
import { databaseWritable, forgetWriteProbe, storageFailure } from '$lib/server/operations/health';
import { logger, requestIdFrom, SLOW_REQUEST_MS, SLOW_SEARCH_MS } from '$lib/server/operations/log';
import { metrics } from '$lib/server/operations/metrics';
import { DEFAULT_LANGUAGE, htmlLang, LANGUAGE_COOKIE, LANGUAGE_PARAM, parseLanguage } from '$lib/domain/i18n';
import { DISPLAY_COOKIE, displayAttributes, parseDisplayCookie } from '$lib/domain/display';

/** Opens the database and repairs the search index before the first request. */
export const init: ServerInit = async () => {
	const { searchSync, search } = getApp();
	const { embeddedRepaired } = await searchSync.catchUp();
	if (embeddedRepaired > 0) logger.info({ embeddedRepaired }, 'search: embedded index caught up');
	search.warm();
	// Emitted by the server (scripts/serve.js, adapter-node) once requests in flight are done.
	(process as NodeJS.EventEmitter).once('sveltekit:shutdown', () => void closeApp());
};

const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** One JSON log line and one metrics observation per request, with a request id. */
const observe: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdFrom(event.request.headers.get('x-request-id')) ?? randomUUID();
	const method = event.request.method;
	const route = event.route.id ?? 'unmatched';
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		logger.error({ req_id: requestId, method, route, path: event.url.pathname, err: error }, 'request failed');
		throw error;
	}
	const ms = performance.now() - started;
	response.headers.set('x-request-id', requestId);
	metrics.observe(method, route, response.status, ms / 1000);
	const engine = response.headers.get('x-search-engine') ?? undefined;
	const line = { req_id: requestId, method, route, path: event.url.pathname, status: response.status, ms: Math.round(ms * 10) / 10, engine };
	if (ms > SLOW_REQUEST_MS) logger.warn(line, 'slow request');
	else if (QUIET_ROUTES.has(route)) logger.debug(line, 'request');
	else logger.info(line, 'request');
	if (engine && ms > SLOW_SEARCH_MS) logger.warn({ req_id: requestId, q: event.url.searchParams.get('q'), engine, ms: line.ms }, 'slow search');
	return response;
};

/** Unexpected errors: logged whole with the request; the visitor gets a short message (never a stack). */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const failedWrite = storageFailure(error);
	if (failedWrite) event.locals.databaseWriteFailed = failedWrite;
	if (status >= 500) logger.error({ method: event.request.method, route: event.route.id, path: event.url.pathname, status, err: error }, 'unhandled error');
	return { message: status >= 500 ? 'エラーが起きました。' : message };
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	applySecurityHeaders(response.headers, { https: event.url.protocol === 'https:', tileUrl: getApp().config.tileUrl });
	if (isAdminPath(event.url.pathname)) {
		// Admin pages show unpublished data: never cache them, never index them.
		response.headers.set('cache-control', 'no-store');
		response.headers.set('x-robots-tag', 'noindex');
	}
	return response;
};

/**
 * The interface language: ?lang= (a link from the switch, or a shared link) wins and is remembered
 * in a cookie; otherwise the cookie; otherwise Japanese. The server writes it into <html lang>, so
 * pages are right without JavaScript. The admin area beyond its login page stays in Japanese.
 */
const language: Handle = async ({ event, resolve }) => {
	const fromUrl = parseLanguage(event.url.searchParams.get(LANGUAGE_PARAM));
	const fromCookie = parseLanguage(event.cookies.get(LANGUAGE_COOKIE));
	if (fromUrl && fromUrl !== fromCookie) {
		event.cookies.set(LANGUAGE_COOKIE, fromUrl, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
	}
	const { pathname } = event.url;
	const translated = !isAdminPath(pathname) || isPublicAdminPath(pathname);
	event.locals.language = translated ? (fromUrl ?? fromCookie ?? DEFAULT_LANGUAGE) : DEFAULT_LANGUAGE;
	const tag = htmlLang(event.locals.language);
	const response = await resolve(event, {
		transformPageChunk: tag === 'ja' ? undefined : ({ html }) => html.replace('<html lang="ja"', `<html lang="${tag}"`)
	});
	// Pages and their data differ by the cookie: a shared cache must key them on it.
	if (event.isDataRequest || (response.headers.get('content-type') ?? '').startsWith('text/html')) response.headers.append('vary', 'Cookie');
	return response;
};

/**
 * Reading aids (text size, contrast, ふりがな) from their cookie, written onto <html> so the first
 * paint has them. The cookie exists only once a reader saves /display; pages and their data differ
 * by it, so a shared cache must key them on Cookie (and never store one reader's page for another).
 */
const display: Handle = async ({ event, resolve }) => {
	event.locals.display = parseDisplayCookie(event.cookies.get(DISPLAY_COOKIE));
	const attributes = Object.entries(displayAttributes(event.locals.display))
		.map(([name, value]) => ` ${name}="${value}"`)
		.join('');
	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace(/<html lang="([^"]*)"/, `<html lang="$1"${attributes}`) });
	if (rendersDisplayChoices(event, response)) {
		if (!/\bCookie\b/i.test(response.headers.get('vary') ?? '')) response.headers.append('vary', 'Cookie');
		if (event.cookies.get(DISPLAY_COOKIE) !== undefined && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-cache');
	}
	return response;
};

/** Pages (HTML) and their client-side navigation data carry the display choices; API answers and files do not. */
function rendersDisplayChoices(event: RequestEvent, response: Response): boolean {
	if (event.isDataRequest) return true;
	return (response.headers.get('content-type') ?? '').startsWith('text/html');
}

/** Reads the session cookie (admin area only). */
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = isAdminPath(event.url.pathname) ? event.cookies.get(SESSION_COOKIE) : undefined;
	if (token) {
		const validated = validateSessionToken(getApp().db, token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			if (validated.renewed) event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url));
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * Nothing in /admin runs without a session (each load and action checks again, and checks the
 * role): pages go to the login page, everything else (form posts, fetches, JSON) gets 401.
 */
const adminGuard: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	if (!isAdminPath(pathname) || isPublicAdminPath(pathname) || event.locals.user) return resolve(event);
	const isPage = (event.request.method === 'GET' || event.request.method === 'HEAD') && !pathname.startsWith('/admin/api/');
	// (A thrown redirect also answers client-side navigations' __data.json requests correctly.)
	if (isPage) redirect(303, `/admin/login?next=${encodeURIComponent(pathname + event.url.search)}`);
	return new Response(JSON.stringify({ error: { message: 'ログインしてください。', message_en: 'Sign-in required.' } }), {
		status: 401,
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
};

const rateLimits = rateLimitsFromEnv();

/** A short answer in the form the caller reads (see refusalAnswer: the same page as the server's 413). */
function refusal(event: RequestEvent, status: number, ja: string, en: string, retryAfterS: number): Response {
	const { pathname } = event.url;
	const answer = refusalAnswer({ pathname, method: event.request.method, header: (name) => event.request.headers.get(name) }, status, { ja, en });
	return new Response(answer.body, { status, headers: { ...answer.headers, 'retry-after': String(retryAfterS) } });
}

/**
 * 429 with Retry-After when one address sends too much: the public API (and HSDS API), and
 * public form posts. The admin area has its own sign-in throttles.
 */
const rateLimit: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	const isApi = pathname.startsWith('/api/') || pathname.startsWith('/hsds/');
	const isPublicPost = event.request.method === 'POST' && !isAdminPath(pathname);
	const limiter = isApi ? rateLimits.api : isPublicPost ? rateLimits.forms : null;
	const wait = limiter?.take(event.getClientAddress());
	if (wait) return refusal(event, 429, 'アクセスが集中しています。少し待ってから、もう一度お試しください。', 'Too many requests; retry later.', wait);
	return resolve(event);
};

/**
 * While the database cannot be written (a read-only file, directory or volume, a full disk, the
 * maintenance flag), pages and searches keep answering and every write is refused up front with
 * 503, so nothing half-saved is lost. A write that fails with SQLite's read-only or disk-full
 * errors after that check (its transaction rolled back whole) gets the same 503, not a 500.
 */
const writeGuard: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return resolve(event);
	if (!databaseWritable(getApp()).writable) return readOnlyRefusal(event);
	const response = await resolve(event);
	if (response.status >= 500) {
		forgetWriteProbe();
		if (event.locals.databaseWriteFailed || !databaseWritable(getApp()).writable) return readOnlyRefusal(event);
	}
	return response;
};

function readOnlyRefusal(event: RequestEvent): Response {
	return refusal(
		event,
		503,
		'ただいまデータを保存できない状態です（読み取り専用）。入力した内容は保存されていません。しばらくしてから、もう一度送ってください。',
		'The database cannot be written at the moment (read-only or full); nothing was saved. Retry later.',
		30
	);
}

export const handle: Handle = sequence(observe, compression, securityHeaders, rateLimit, writeGuard, language, display, session, adminGuard);
