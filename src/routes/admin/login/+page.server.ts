import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { createSession, SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { safeAdminRedirect } from '$lib/server/auth/permissions';
import { signIn } from '$lib/server/auth/users';
import { messagesFor } from '$lib/domain/i18n';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeAdminRedirect(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, locals }) => {
		const m = messagesFor(locals.language).login;
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (email.trim() === '' || password === '') {
			return fail(400, { email, message: m.missing });
		}
		const { db } = getApp();
		const result = await signIn(db, email, password, getClientAddress());
		if (!result.ok) {
			return result.reason === 'throttled'
				? fail(429, { email, message: m.throttled })
				: fail(400, { email, message: m.wrong });
		}
		const { token } = createSession(db, result.userId);
		cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url));
		redirect(303, safeAdminRedirect(url.searchParams.get('next')));
	}
};
