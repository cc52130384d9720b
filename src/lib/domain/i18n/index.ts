import type { Language } from './languages';
import { ja, type Messages } from './ja';
import { en } from './en';
import { easyJa } from './easy-ja';

export * from './languages';
export type { Messages } from './ja';

export const MESSAGES: Record<Language, Messages> = { ja, en, easy: easyJa };

export function messagesFor(language: Language | null | undefined): Messages {
	return MESSAGES[language ?? 'ja'] ?? ja;
}

/**
 * A kind (taxonomy term) in the interface language: Japanese pages show the name as stored (a
 * curator may have renamed it); other languages use their table, else the stored name.
 */
export function kindLabel(language: Language, code: string, storedName?: string): string {
	const table = MESSAGES[language].kinds as Record<string, string>;
	if (language === 'ja') return storedName ?? table[code] ?? code;
	return table[code] ?? storedName ?? code;
}

/** A hit's kinds in the interface language (term_names hold the stored names, in the same order as terms). */
export function hitKindLabels(language: Language, hit: { terms: string[]; term_names?: string[] }): string[] {
	return hit.terms.map((code, i) => kindLabel(language, code, hit.term_names?.[i]));
}

/** A weekday (0 = Sunday) as a short label: 「火」, "Tue". */
export function weekdayLabel(messages: Messages, weekday: number): string {
	return (messages.weekdays as Record<number, string>)[weekday] ?? String(weekday);
}
