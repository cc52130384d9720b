/**
 * 情報の修正を提案: anyone may tell the curators that a public listing is wrong. No login; a
 * honeypot field and a per-IP limit keep bots out; each suggestion is a change request (kind
 * 'suggestion') in the curators' queue.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../db/schema';
import type { AppDatabase } from '../db';
import { AttemptLimiter, SUGGESTION_LIMIT_PER_IP, suggestionKey } from '../auth/throttle';
import { issuesToErrors } from '../auth/users';
import { recordAudit } from './audit';
import { SUGGESTION_TOPICS, type SuggestionResult, type SuggestionValues } from '../../components/suggest-edit';

export const suggestionSchema = z.object({
	topic: z.enum(SUGGESTION_TOPICS, 'どの項目についての提案かを選んでください。'),
	message: z
		.string()
		.trim()
		.min(1, '正しい内容や、気づいたことを書いてください。')
		.max(1000, '1000文字以内で書いてください。'),
	contact: z.string().trim().max(100, '連絡先は100文字以内で書いてください。')
});

export type SuggestionPayload = z.output<typeof suggestionSchema>;

export type SuggestionOutcome = { status: 200 | 400 | 404 | 429; result: SuggestionResult };

export function submitSuggestion(
	db: AppDatabase,
	serviceId: string,
	values: SuggestionValues,
	honeypot: string,
	clientAddress: string
): SuggestionOutcome {
	const service = db
		.select({ id: t.services.id })
		.from(t.services)
		.where(and(eq(t.services.id, serviceId), eq(t.services.status, 'published')))
		.get();
	if (!service) {
		return { status: 404, result: { suggestion: 'invalid', values, errors: { _form: 'この情報は公開されていないため、提案を受け付けられません。' } } };
	}
	// A filled honeypot is a bot: answer as if it worked, store nothing.
	if (honeypot.trim() !== '') return { status: 200, result: { suggestion: 'sent' } };
	const limiter = new AttemptLimiter(db);
	const key = suggestionKey(clientAddress);
	if (limiter.isLimited(key, SUGGESTION_LIMIT_PER_IP)) {
		return {
			status: 429,
			result: { suggestion: 'invalid', values, errors: { _form: '短い時間に多くの提案が送られたため、受付を一時止めています。10分ほどしてからもう一度送ってください。' } }
		};
	}
	const parsed = suggestionSchema.safeParse(values);
	if (!parsed.success) return { status: 400, result: { suggestion: 'invalid', values, errors: issuesToErrors(parsed.error.issues) } };
	const id = randomUUID();
	db.transaction((tx) => {
		tx.insert(t.changeRequests).values({ id, serviceId, kind: 'suggestion', payload: JSON.stringify(parsed.data) }).run();
		recordAudit(tx, { userId: null, action: 'suggestion', entity: 'service', entityId: serviceId, before: null, after: { changeRequest: id, topic: parsed.data.topic } });
	});
	limiter.record([key]);
	return { status: 200, result: { suggestion: 'sent' } };
}
