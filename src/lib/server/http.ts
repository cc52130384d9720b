import { json } from '@sveltejs/kit';
import type { ValidationIssue } from '../domain/search';

/** A 400 answer with the reason in Japanese and English, per parameter. */
export function badRequest(issues: ValidationIssue[]): Response {
	return json(
		{
			error: {
				message: issues.map((issue) => issue.ja).join(' '),
				message_en: issues.map((issue) => issue.en).join(' '),
				issues
			}
		},
		{ status: 400 }
	);
}

export function notFound(ja: string, en: string): Response {
	return json({ error: { message: ja, message_en: en } }, { status: 404 });
}

/** A 400 for an area name or id that matches no 地区 / 校区. */
export function unknownAreaResponse(area: string): Response {
	return badRequest([{ param: 'area', ja: `地域「${area}」が見つかりません。`, en: `Unknown area: ${area}.` }]);
}
