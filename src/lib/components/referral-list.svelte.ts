/**
 * The supporter's つなぎ先リスト in this browser (localStorage), shared by every 「リストに追加」
 * button, the header count and /list. Browser only: call `load()` from onMount; on the server
 * the list is always empty (module state there would be shared between visitors).
 */
import { ListEntriesSchema, MAX_LIST_ITEMS, MAX_NOTE_LENGTH, type ListEntry } from '$lib/domain/referral-list';

const STORAGE_KEY = 'tsunagi.referral-list.v1';

class ReferralList {
	entries = $state<ListEntry[]>([]);
	loaded = $state(false);

	load(): void {
		if (this.loaded) return;
		this.entries = this.read();
		this.loaded = true;
		// Another tab changed the list.
		window.addEventListener('storage', (event) => {
			if (event.key === STORAGE_KEY) this.entries = this.read();
		});
	}

	has(id: string): boolean {
		return this.entries.some((entry) => entry.id === id);
	}

	/** False when the list is full. */
	add(id: string): boolean {
		if (this.has(id)) return true;
		if (this.entries.length >= MAX_LIST_ITEMS) return false;
		this.save([...this.entries, { id, note: '' }]);
		return true;
	}

	remove(id: string): void {
		this.save(this.entries.filter((entry) => entry.id !== id));
	}

	/** Moves an entry up (-1) or down (+1). */
	move(id: string, by: -1 | 1): void {
		const from = this.entries.findIndex((entry) => entry.id === id);
		const to = from + by;
		if (from < 0 || to < 0 || to >= this.entries.length) return;
		const next = [...this.entries];
		[next[from], next[to]] = [next[to], next[from]];
		this.save(next);
	}

	setNote(id: string, note: string): void {
		this.save(this.entries.map((entry) => (entry.id === id ? { ...entry, note: note.slice(0, MAX_NOTE_LENGTH) } : entry)));
	}

	replace(entries: ListEntry[]): void {
		this.save(entries.slice(0, MAX_LIST_ITEMS));
	}

	clear(): void {
		this.save([]);
	}

	private read(): ListEntry[] {
		try {
			const parsed = ListEntriesSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]'));
			return parsed.success ? parsed.data : [];
		} catch {
			return [];
		}
	}

	private save(entries: ListEntry[]): void {
		this.entries = entries;
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
		} catch {
			// Private mode or full storage: the list still works on this page.
		}
	}
}

export const referralList = new ReferralList();
