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
import { MESSAGES, type Language, type Messages } from '../../domain/i18n';
import { SUGGESTION_TOPICS, type SuggestionResult, type SuggestionValues } from '../../domain/suggest-edit';

type SuggestionErrors = Messages['suggest']['errors'];

/** The form's rules, with its messages in the reader's language. */
function schemaWith(errors: SuggestionErrors) {
	return z.object({
		topic: z.enum(SUGGESTION_TOPICS, errors.topic),
		message: z.string().trim().min(1, errors.messageEmpty).max(1000, errors.messageLong),
		contact: z.string().trim().max(100, errors.contactLong)
	});
}

export const suggestionSchema = schemaWith(MESSAGES.ja.suggest.errors);

export type SuggestionPayload = z.output<typeof suggestionSchema>;

export type SuggestionOutcome = { status: 200 | 400 | 404 | 429; result: SuggestionResult };

export function submitSuggestion(
	db: AppDatabase,
	serviceId: string,
	values: SuggestionValues,
	honeypot: string,
	clientAddress: string,
	language: Language = 'ja'
): SuggestionOutcome {
	const errors = MESSAGES[language].suggest.errors;
	const service = db
		.select({ id: t.services.id })
		.from(t.services)
		.where(and(eq(t.services.id, serviceId), eq(t.services.status, 'published')))
		.get();
	if (!service) {
		return { status: 404, result: { suggestion: 'invalid', values, errors: { _form: errors.unpublished } } };
	}
	// A filled honeypot is a bot: answer as if it worked, store nothing.
	if (honeypot.trim() !== '') return { status: 200, result: { suggestion: 'sent' } };
	const limiter = new AttemptLimiter(db);
	const key = suggestionKey(clientAddress);
	if (limiter.isLimited(key, SUGGESTION_LIMIT_PER_IP)) {
		return {
			status: 429,
			result: { suggestion: 'invalid', values, errors: { _form: errors.throttled } }
		};
	}
	const parsed = (language === 'ja' ? suggestionSchema : schemaWith(errors)).safeParse(values);
	if (!parsed.success) return { status: 400, result: { suggestion: 'invalid', values, errors: issuesToErrors(parsed.error.issues) } };
	const id = randomUUID();
	db.transaction((tx) => {
		tx.insert(t.changeRequests).values({ id, serviceId, kind: 'suggestion', payload: JSON.stringify(parsed.data) }).run();
		recordAudit(tx, { userId: null, action: 'suggestion', entity: 'service', entityId: serviceId, before: null, after: { changeRequest: id, topic: parsed.data.topic } });
	});
	limiter.record([key]);
	return { status: 200, result: { suggestion: 'sent' } };
}
