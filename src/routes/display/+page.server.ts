import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DISPLAY_COOKIE, displayCookieValue, displayFormSchema, safeReturnPath } from '$lib/domain/display';

export const load: PageServerLoad = ({ url }) => ({ returnTo: safeReturnPath(url.searchParams.get('return')) });

export const actions: Actions = {
	/** Saves the reading aids for a year and goes back to the page the reader was on. */
	default: async ({ request, cookies, url }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = displayFormSchema.parse(form);
		const prefs = { textSize: parsed.text_size, highContrast: parsed.contrast === 'high', ruby: parsed.ruby };
		cookies.set(DISPLAY_COOKIE, displayCookieValue(prefs), {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		redirect(303, safeReturnPath(form.return));
	}
};
