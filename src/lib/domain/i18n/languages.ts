/**
 * The interface languages: 日本語 (the default), English and やさしい日本語 (plain Japanese with
 * short sentences and few kanji, for residents still learning Japanese). Listing content stays as
 * entered; only the interface changes. Chosen by ?lang= and kept in a cookie.
 */

export const LANGUAGES = ['ja', 'en', 'easy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ja';
export const LANGUAGE_COOKIE = 'lang';
/** The URL parameter that switches (and, through the cookie, keeps) the language. */
export const LANGUAGE_PARAM = 'lang';

/** Each language's name as written in that language (the switch shows these). */
export const LANGUAGE_NAMES: Record<Language, string> = { ja: '日本語', en: 'English', easy: 'やさしい にほんご' };

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A language from a URL parameter or cookie value; anything else is null (the caller falls back). */
export function parseLanguage(value: string | null | undefined): Language | null {
	const trimmed = value?.trim().toLowerCase();
	return isLanguage(trimmed) ? trimmed : null;
}

/** The BCP 47 tag for `lang` attributes: やさしい日本語 is Japanese. */
export function htmlLang(language: Language): 'ja' | 'en' {
	return language === 'en' ? 'en' : 'ja';
}
