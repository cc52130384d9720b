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
