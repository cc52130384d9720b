import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/permissions';
import { lookupPostalCode } from '$lib/server/geocoding';

/** 郵便番号 → 住所 for scripts in the editor (the form's button does the same without JS). */
export const GET: RequestHandler = (event) => {
	requireUser(event);
	const found = lookupPostalCode(getApp().db, event.params.code);
	if (!found) return json({ error: { message: 'この郵便番号の住所は見つかりませんでした。' } }, { status: 404 });
	return json(found);
};
