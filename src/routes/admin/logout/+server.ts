import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { invalidateSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { requireUser } from '$lib/server/auth/permissions';

/** POST only (a link or an image cannot log anyone out); SvelteKit's origin check covers it. */
export const POST: RequestHandler = async (event) => {
	requireUser(event);
	if (event.locals.session) invalidateSession(getApp().db, event.locals.session.id);
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/admin/login');
};
