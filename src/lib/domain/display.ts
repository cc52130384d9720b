/**
 * Reading aids a resident chooses once: text size 標準 / 大 / 特大, a high-contrast theme and
 * ふりがな (ルビ) over names. Kept in one cookie so the server renders the page with them (no flash,
 * no JavaScript needed); read by the layout and the components that show names.
 */
import { z } from 'zod';

export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface DisplayPrefs {
	textSize: TextSize;
	highContrast: boolean;
	ruby: boolean;
}

export const DISPLAY_COOKIE = 'display';
export const DEFAULT_DISPLAY: DisplayPrefs = { textSize: 'standard', highContrast: false, ruby: false };

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('1')])
	.optional()
	.transform((value) => value !== undefined);

/** The settings form (and the cookie, which holds the same fields as URL parameters). */
export const displayFormSchema = z.object({
	text_size: z.enum(TEXT_SIZES).catch('standard'),
	contrast: z.enum(['normal', 'high']).catch('normal'),
	ruby: checkbox.catch(false)
});

export function parseDisplay(params: URLSearchParams): DisplayPrefs {
	const parsed = displayFormSchema.parse(Object.fromEntries(params));
	return { textSize: parsed.text_size, highContrast: parsed.contrast === 'high', ruby: parsed.ruby };
}

export function parseDisplayCookie(value: string | undefined): DisplayPrefs {
	return value ? parseDisplay(new URLSearchParams(value)) : DEFAULT_DISPLAY;
}

export function displayCookieValue(prefs: DisplayPrefs): string {
	const params = new URLSearchParams({ text_size: prefs.textSize, contrast: prefs.highContrast ? 'high' : 'normal' });
	if (prefs.ruby) params.set('ruby', 'on');
	return params.toString();
}

/** Attributes on <html> the styles key on: data-text-size, data-contrast, data-ruby. */
export function displayAttributes(prefs: DisplayPrefs): Record<string, string> {
	return { 'data-text-size': prefs.textSize, 'data-contrast': prefs.highContrast ? 'high' : 'normal', 'data-ruby': prefs.ruby ? 'on' : 'off' };
}

/**
 * Where to go back to after saving: a path on this site only (never `//host` or a full URL),
 * percent-encoded so a hand-typed `?q=サロン` can go in a Location header.
 */
export function safeReturnPath(value: unknown): string {
	if (typeof value !== 'string' || !/^\/(?![/\\])[^\s]*$/.test(value)) return '/';
	const url = new URL(value, 'http://localhost');
	return url.pathname + url.search + url.hash;
}
