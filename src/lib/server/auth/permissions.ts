/**
 * Who may do what. Checked on the server for every admin load and action (the UI only hides what
 * is not allowed; it never decides).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './types';

/** admin and curator keep every listing; org_editor only its own organisations'. */
export function isCurator(user: SessionUser): boolean {
	return user.role === 'admin' || user.role === 'curator';
}

export function isAdmin(user: SessionUser): boolean {
	return user.role === 'admin';
}

export function canEditOrganization(user: SessionUser, organizationId: string): boolean {
	return isCurator(user) || user.organizationIds.includes(organizationId);
}

/** Raised by the admin services when an actor oversteps; routes answer 403. */
export class ForbiddenError extends Error {
	constructor(message = 'この操作を行う権限がありません。') {
		super(message);
	}
}

export function assertCanEditOrganization(user: SessionUser, organizationId: string): void {
	if (!canEditOrganization(user, organizationId)) throw new ForbiddenError('この団体の情報を編集する権限がありません。');
}

export function assertCurator(user: SessionUser): void {
	if (!isCurator(user)) throw new ForbiddenError('この操作はキュレーター（市・社協）だけが行えます。');
}

/** Paths of the admin area that do not need a session. */
export function isPublicAdminPath(pathname: string): boolean {
	return pathname === '/admin/login';
}

export function isAdminPath(pathname: string): boolean {
	return pathname === '/admin' || pathname.startsWith('/admin/');
}

/**
 * The signed-in user, or: a page (GET) goes to the login page and comes back afterwards;
 * anything else (form posts, fetches, the JSON API) is a plain 401.
 */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url' | 'request'>): SessionUser {
	const user = event.locals.user;
	if (user) return user;
	if (event.request.method === 'GET' && !event.url.pathname.startsWith('/admin/api/')) {
		redirect(303, `/admin/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	error(401, 'ログインしてください。');
}

export function requireCurator(event: Pick<RequestEvent, 'locals' | 'url' | 'request'>): SessionUser {
	const user = requireUser(event);
	if (!isCurator(user)) error(403, 'この画面はキュレーター（市・社協）だけが使えます。');
	return user;
}

export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url' | 'request'>): SessionUser {
	const user = requireUser(event);
	if (!isAdmin(user)) error(403, 'この画面は管理者だけが使えます。');
	return user;
}

const REDIRECT_BASE = 'http://tsunagi.invalid';

/**
 * Where to go after login: only paths inside the admin area (never another site). The value is
 * parsed as a URL and rebuilt, so control characters are refused and non-ASCII is percent-encoded
 * (a raw Location header with either makes the server answer 500).
 */
export function safeAdminRedirect(next: string | null): string {
	if (!next || !next.startsWith('/') || /\p{Cc}/u.test(next)) return '/admin';
	let url: URL;
	try {
		url = new URL(next, REDIRECT_BASE);
	} catch {
		return '/admin';
	}
	const { pathname } = url;
	const insideAdmin = pathname === '/admin' || pathname.startsWith('/admin/');
	if (url.origin !== REDIRECT_BASE || !insideAdmin || pathname.startsWith('/admin/login')) return '/admin';
	return pathname + url.search + url.hash;
}

/** 相談記録メモ are written by the staff of certified desks (role desk) only. */
export function requireDesk(event: Pick<RequestEvent, 'locals' | 'url' | 'request'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'desk') error(403, 'この画面はなんでも相談窓口の職員だけが使えます。');
	return user;
}
