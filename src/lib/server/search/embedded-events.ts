/**
 * The embedded engine's event index: FTS5 over character bigrams of each public event's
 * normalised title, reading, reading sound key and text (event_search_fts), with event_search_docs
 * mapping rowids to events. Small (one row per event), so it is queried directly, nothing in memory.
 */
import type { AppDatabase } from '../db';
import { eventIndexedText, type EventQueryWord, type EventSearchDocument } from '../../domain/text/event-text';
import { bigramTokens, foldForSearch } from '../../domain/text/normalize';
import { foldedWordExpression } from './embedded';

/** Every word in the title, reading or text; a kana word also by the reading's sound. */
export function eventMatchExpression(words: EventQueryWord[]): string | null {
	const parts: string[] = [];
	for (const word of words) {
		const text = foldedWordExpression(word.text);
		if (!text) continue;
		const sound = word.sound ? foldedWordExpression(word.sound) : null;
		parts.push(sound ? `({title reading body} : ${text} OR sound : ${sound})` : `{title reading body} : ${text}`);
	}
	return parts.length > 0 ? parts.join(' AND ') : null;
}

export class EmbeddedEventIndex {
	constructor(private readonly db: AppDatabase) {}

	search(words: EventQueryWord[], limit: number): string[] {
		const expression = eventMatchExpression(words);
		if (!expression) return [];
		return this.db.$client
			.prepare(
				`SELECT d.event_id FROM event_search_fts f JOIN event_search_docs d ON d.rowid = f.rowid
				WHERE event_search_fts MATCH ? ORDER BY bm25(event_search_fts, 8.0, 4.0, 2.0, 1.0) LIMIT ?`
			)
			.pluck()
			.all(expression, limit) as string[];
	}

	upsert(documents: EventSearchDocument[]): void {
		if (documents.length === 0) return;
		const sqlite = this.db.$client;
		const findRow = sqlite.prepare('SELECT rowid FROM event_search_docs WHERE event_id = ?').pluck();
		const insertDoc = sqlite.prepare('INSERT INTO event_search_docs (event_id, event_updated_at) VALUES (?, ?)');
		const updateDoc = sqlite.prepare('UPDATE event_search_docs SET event_updated_at = ? WHERE rowid = ?');
		const deleteFts = sqlite.prepare('DELETE FROM event_search_fts WHERE rowid = ?');
		const insertFts = sqlite.prepare('INSERT INTO event_search_fts (rowid, title, reading, sound, body) VALUES (?, ?, ?, ?, ?)');
		const grams = (folded: string) => bigramTokens(folded).join(' ');
		sqlite.transaction(() => {
			for (const doc of documents) {
				const existing = findRow.get(doc.id) as number | undefined;
				let rowid: number;
				if (existing === undefined) rowid = Number(insertDoc.run(doc.id, doc.updatedAt).lastInsertRowid);
				else {
					rowid = existing;
					updateDoc.run(doc.updatedAt, rowid);
					deleteFts.run(rowid);
				}
				const text = eventIndexedText(doc);
				insertFts.run(rowid, grams(foldForSearch(text.title)), grams(text.reading), grams(text.sound), grams(foldForSearch(text.body)));
			}
		})();
	}

	remove(eventIds: string[]): void {
		if (eventIds.length === 0) return;
		const sqlite = this.db.$client;
		const findRow = sqlite.prepare('SELECT rowid FROM event_search_docs WHERE event_id = ?').pluck();
		const deleteDoc = sqlite.prepare('DELETE FROM event_search_docs WHERE rowid = ?');
		const deleteFts = sqlite.prepare('DELETE FROM event_search_fts WHERE rowid = ?');
		sqlite.transaction(() => {
			for (const id of eventIds) {
				const rowid = findRow.get(id) as number | undefined;
				if (rowid === undefined) continue;
				deleteDoc.run(rowid);
				deleteFts.run(rowid);
			}
		})();
	}

	clear(): void {
		this.db.$client.exec('DELETE FROM event_search_docs; DELETE FROM event_search_fts;');
	}
}
