/**
 * つなぎ先リスト: the listings a supporter collects for one person, in order, each with a short
 * note. Kept in the browser; a share link carries the whole list in its URL
 * (`/list/shared?item=<id>&note=<text>&item=…`), so it opens the same in any browser, needs no
 * account and stores nothing on the server.
 */
import { z } from 'zod';
import { MESSAGES, type Language } from './i18n';

export const MAX_LIST_ITEMS = 30;
export const MAX_NOTE_LENGTH = 80;

export interface ListEntry {
	id: string;
	note: string;
}

const ListEntrySchema = z.object({
	id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
	note: z
		.string()
		.transform((note) => note.replace(/\s+/g, ' ').trim())
		.pipe(z.string().max(MAX_NOTE_LENGTH))
});

export const ListEntriesSchema = z.array(ListEntrySchema).max(MAX_LIST_ITEMS);

/** The list as URL parameters: each `item` followed by its `note` (left out when empty). */
export function listToParams(entries: readonly ListEntry[]): URLSearchParams {
	const params = new URLSearchParams();
	for (const entry of entries) {
		params.append('item', entry.id);
		if (entry.note) params.append('note', entry.note);
	}
	return params;
}

export type ParsedList = { ok: true; entries: ListEntry[] } | { ok: false; ja: string; en: string };

/** URL parameters → the list; a `note` belongs to the `item` before it. Duplicates keep the first. */
export function listFromParams(params: URLSearchParams): ParsedList {
	const raw: ListEntry[] = [];
	for (const [name, value] of params) {
		if (name === 'item') raw.push({ id: value, note: '' });
		else if (name === 'note' && raw.length > 0) raw[raw.length - 1].note = value;
	}
	const parsed = ListEntriesSchema.safeParse(raw.filter((entry, index) => raw.findIndex((other) => other.id === entry.id) === index));
	if (parsed.success) return { ok: true, entries: parsed.data };
	return { ok: false, ja: invalidListMessage('ja'), en: invalidListMessage('en') };
}

/** Why a list link was refused, in the reader's language. */
export function invalidListMessage(language: Language): string {
	return MESSAGES[language].sharedList.invalid(String(MAX_LIST_ITEMS), String(MAX_NOTE_LENGTH));
}

export function sharedListPath(entries: readonly ListEntry[]): string {
	return `/list/shared?${listToParams(entries)}`;
}
