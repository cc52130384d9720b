/**
 * The interface language in components: read from the layout's data (the server chose it from
 * ?lang= or the cookie), so server rendering and the browser agree.
 */
import { page } from '$app/state';
import { DEFAULT_LANGUAGE, formatEnglishDate, LANGUAGE_PARAM, messagesFor, type Language, type Messages } from '$lib/domain/i18n';
import { formatJapaneseDate } from '$lib/domain/event';

export function language(): Language {
	return (page.data as { language?: Language }).language ?? DEFAULT_LANGUAGE;
}

/** The messages of the current language (call inside $derived or markup to follow a change). */
export function t(): Messages {
	const data = page.data as { city?: string; cityEn?: string };
	return messagesFor(language(), { city: data.city ?? '', cityEn: data.cityEn ?? data.city ?? '' });
}

/** This page in another language (the switch's links: they set the cookie on the server). */
export function languageHref(url: URL, target: Language): string {
	const params = new URLSearchParams(url.search);
	params.set(LANGUAGE_PARAM, target);
	return `${url.pathname}?${params}`;
}

/** A date in the reader's language: 「2026年12月8日（火）」 (or 和暦) in Japanese, "Tue, Dec 8, 2026" in English. */
export function formatDate(isoDate: string, wareki = false): string {
	return language() === 'en' ? formatEnglishDate(isoDate) : formatJapaneseDate(isoDate, { wareki });
}
