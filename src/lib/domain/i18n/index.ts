import type { Language } from './languages';
import { ja, type Messages } from './ja';
import { en } from './en';
import { easyJa } from './easy-ja';

export * from './languages';
export { worryAskLabel } from './worries';
export type { Messages } from './ja';

export const MESSAGES: Record<Language, Messages> = { ja, en, easy: easyJa };

/** The city a message names ("{city}" in the tables): its profile's name in Japanese and in English. */
export interface MessageCity {
	city: string;
	cityEn: string;
}

/** Every "{city}" in a table's strings filled in (functions are kept as they are). */
function withCity<T>(value: T, city: string): T {
	if (typeof value === 'string') return value.replaceAll('{city}', city) as T;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
	return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withCity(inner, city)])) as T;
}

const filled = new Map<string, Messages>();

export function messagesFor(language: Language | null | undefined, place?: MessageCity): Messages {
	const table = MESSAGES[language ?? 'ja'] ?? ja;
	const city = place ? (language === 'en' ? place.cityEn : place.city) : '';
	const key = `${language ?? 'ja'}:${city}`;
	let messages = filled.get(key);
	if (!messages) {
		messages = withCity(table, city);
		filled.set(key, messages);
	}
	return messages;
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

/**
 * Whether a kind is shown as the curator stored it (in Japanese) on a page in `language`: a term
 * a city added has no English label, so English pages show it as entered, marked lang="ja".
 */
export function isStoredKindName(language: Language, code: string): boolean {
	return language !== 'ja' && !(code in (MESSAGES[language].kinds as Record<string, string>));
}

/** A weekday (0 = Sunday) as a short label: 「火」, "Tue". */
export function weekdayLabel(messages: Messages, weekday: number): string {
	return (messages.weekdays as Record<number, string>)[weekday] ?? String(weekday);
}

const englishDate = new Intl.DateTimeFormat('en-US', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Tokyo' });

/** 'YYYY-MM-DD' as English readers write it: "Tue, Dec 8, 2026" (Japanese pages keep 西暦/和暦 wording). */
export function formatEnglishDate(date: string): string {
	const parsed = new Date(`${date.slice(0, 10)}T00:00:00+09:00`);
	return Number.isNaN(parsed.getTime()) ? date : englishDate.format(parsed);
}
