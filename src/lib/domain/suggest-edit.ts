/** The 情報の修正を提案 form's values and answers (shared by the form component and its action). */

export const SUGGESTION_TOPICS = [
	'名称',
	'住所・場所',
	'電話番号などの連絡先',
	'開いている時間・開催日',
	'内容・費用・対象',
	'活動を終了している',
	'その他'
] as const;

export interface SuggestionValues {
	topic: string;
	message: string;
	contact: string;
}

/** What the action answers: success, or the values back with a message per field. */
export type SuggestionResult =
	| { suggestion: 'sent' }
	| { suggestion: 'invalid'; values: SuggestionValues; errors: Partial<Record<keyof SuggestionValues | '_form', string>> };

/** The hidden field people never see and bots fill in. */
export const HONEYPOT_FIELD = 'website';
