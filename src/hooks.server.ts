import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getApp } from '$lib/server/app';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth/sessions';
import { isAdminPath, isPublicAdminPath } from '$lib/server/auth/permissions';
import { compression } from '$lib/server/compression';

/** Opens the database and repairs the search index before the first request. */
export const init: ServerInit = async () => {
	const { searchSync, search } = getApp();
	const { embeddedRepaired } = await searchSync.catchUp();
	if (embeddedRepaired > 0) console.log(`search: embedded index caught up on ${embeddedRepaired} listings`);
	search.warm();
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(self), camera=(), microphone=()'
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (isAdminPath(event.url.pathname)) {
		// Admin pages show unpublished data: never cache them, never index them.
		response.headers.set('cache-control', 'no-store');
		response.headers.set('x-robots-tag', 'noindex');
	}
	return response;
};

/** Reads the session cookie (admin area only: public pages stay cookie-free and cacheable). */
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

export const handle: Handle = sequence(compression, securityHeaders, session, adminGuard);
