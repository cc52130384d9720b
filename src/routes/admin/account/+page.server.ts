import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/permissions';
import { changePassword, ThrottledError } from '$lib/server/auth/users';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { email: user.email };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const newPassword = String(form.get('newPassword') ?? '');
		if (newPassword !== String(form.get('confirmPassword') ?? '')) {
			return fail(400, { errors: { confirmPassword: '確認のため、同じ新しいパスワードをもう一度入力してください。' } as Record<string, string> });
		}
		try {
			await changePassword(getApp().db, user.id, String(form.get('currentPassword') ?? ''), newPassword, event.locals.session?.id ?? '');
		} catch (caught) {
			if (caught instanceof ThrottledError) return fail(429, { errors: { currentPassword: caught.message } as Record<string, string> });
			return asHttpFailure(caught, {});
		}
		return { changed: true };
	}
};
