import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { createSession, SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { safeAdminRedirect } from '$lib/server/auth/permissions';
import { signIn } from '$lib/server/auth/users';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeAdminRedirect(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (email.trim() === '' || password === '') {
			return fail(400, { email, message: 'メールアドレスとパスワードを入力してください。' });
		}
		const { db } = getApp();
		const result = await signIn(db, email, password, getClientAddress());
		if (!result.ok) {
			return result.reason === 'throttled'
				? fail(429, { email, message: 'ログインの失敗が続いたため、受け付けを一時止めています。1分ほど待ってから、もう一度お試しください。' })
				: fail(400, { email, message: 'メールアドレスまたはパスワードが正しくありません。' });
		}
		const { token } = createSession(db, result.userId);
		cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url));
		redirect(303, safeAdminRedirect(url.searchParams.get('next')));
	}
};
