/** The つなぎ先リスト's listings, read for /list and the shared, printable list. */
import type { App } from './app';
import { summarizeHits } from './areas';
import { qrDataUrl } from './print';
import { toHit } from './search/hits';
import type { SearchDocument } from '../domain/search';
import { sharedListPath, type ListEntry } from '../domain/referral-list';
import type { PrintItem } from '$lib/domain/listing-view';
import type { Language } from '../domain/i18n/languages';

/** What it offers, short enough for a printed line or two. */
function offers(description: string): string | null {
	const text = description.replace(/\s+/g, ' ').trim();
	if (!text) return null;
	return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

export interface LoadedList {
	items: PrintItem[];
	/** Entries whose listing is no longer published (or never was). */
	missing: number;
}

/** The entries' published listings, in the list's order, with notes, what they offer and (optionally) QR codes. */
export async function loadListItems(app: App, entries: readonly ListEntry[], options: { origin?: string; language?: Language } = {}): Promise<LoadedList> {
	if (entries.length === 0) return { items: [], missing: 0 };
	const rows = app.db.$client
		.prepare('SELECT doc FROM search_docs WHERE service_id IN (SELECT value FROM json_each(?))')
		.pluck()
		.all(JSON.stringify(entries.map((entry) => entry.id))) as string[];
	const docs = new Map(rows.map((row) => JSON.parse(row) as SearchDocument).map((doc) => [doc.id, doc]));
	const found = entries.filter((entry) => docs.has(entry.id));
	const summaries = summarizeHits(app, found.map((entry) => toHit(docs.get(entry.id)!, null)), options.language);
	const items = await Promise.all(
		found.map(async (entry, index): Promise<PrintItem> => {
			const url = options.origin ? `${options.origin}/services/${entry.id}` : null;
			return {
				listing: summaries[index],
				offers: offers(docs.get(entry.id)!.description),
				note: entry.note || null,
				qr: url ? { dataUrl: await qrDataUrl(url), url } : null
			};
		})
	);
	return { items, missing: entries.length - found.length };
}

/** The share link and its QR code; null QR when the list is too long for one. */
export async function shareLink(origin: string, entries: readonly ListEntry[]): Promise<{ url: string; qr: string | null }> {
	const url = `${origin}${sharedListPath(entries)}`;
	try {
		return { url, qr: await qrDataUrl(url) };
	} catch {
		return { url, qr: null };
	}
}
