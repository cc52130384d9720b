/**
 * The corpus lexicon: every word the listings use (names and their parts, terms, tags,
 * organisations) with its reading, built from the indexed documents. Queries are rewritten to the
 * listings' own spelling through it: a reading (やっきょく → 薬局), another kana script
 * (ホオッチョケン → ほおっちょけん), a sloppy spelling by ear (ほっちょけん → ほおっちょけん) or a
 * one-character typo (公民間 → 公民館). This part generalises to new data; the dictionaries do not.
 */
import { foldForSearch, soundKey } from './normalize';

export interface LexiconEntry {
	/** As the listings spell it (canonical spelling, middle dots removed, not folded). */
	surface: string;
	/** foldForSearch(surface). */
	folded: string;
	/** Hiragana reading ('' when unknown). */
	reading: string;
	/** How many listings use it (the more common word wins a tie). */
	count: number;
}

export type LexiconMatchKind = 'surface' | 'reading' | 'sound' | 'typo';

export interface LexiconMatch {
	entry: LexiconEntry;
	kind: LexiconMatchKind;
}

/** Shortest word (in characters) a one-character typo is corrected in: shorter words are too ambiguous. */
const MIN_TYPO_LENGTH = 3;
/** Shortest reading used to find words inside a sentence (2-kana readings like しか are everywhere). */
export const MIN_SEGMENT_READING_LENGTH = 3;

function length(text: string): number {
	return Array.from(text).length;
}

const ASTRAL = /[\uD800-\uDFFF]/;

function deletions(text: string): string[] {
	const out: string[] = [];
	if (!ASTRAL.test(text)) {
		// One UTF-16 unit per character (all of Japanese but rare kanji): plain slices, no arrays.
		for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
		return out;
	}
	const chars = Array.from(text);
	for (let i = 0; i < chars.length; i++) out.push(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
	return out;
}

/** Edit distance ≤ 1 (insert, delete or substitute one character). */
export function withinOneEdit(a: string, b: string): boolean {
	const x = Array.from(a);
	const y = Array.from(b);
	if (Math.abs(x.length - y.length) > 1) return false;
	let i = 0;
	while (i < x.length && i < y.length && x[i] === y[i]) i++;
	if (x.length === y.length) return x.slice(i + 1).join('') === y.slice(i + 1).join('');
	const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
	return longer.slice(i + 1).join('') === shorter.slice(i).join('');
}

function better(a: LexiconEntry | undefined, b: LexiconEntry): LexiconEntry {
	if (!a) return b;
	return b.count > a.count || (b.count === a.count && b.surface < a.surface) ? b : a;
}

/** One use of a word as the lexicon keys it; null for words too short to look up. */
export function lexiconEntry(surface: string, reading: string): LexiconEntry | null {
	const cleanSurface = surface.replace(/[\u30FB\u00B7\s]/g, '');
	const folded = foldForSearch(cleanSurface);
	if (length(folded) < 2) return null;
	return { surface: cleanSurface, folded, reading: reading ? foldForSearch(reading) : '', count: 1 };
}

export class Lexicon {
	private readonly bySurface = new Map<string, LexiconEntry>();
	private byReading = new Map<string, LexiconEntry>();
	private bySound = new Map<string, LexiconEntry>();
	/** The typo index: built on the first typo lookup, not at start (a second at 100k listings). */
	private byDeletion: Map<string, LexiconEntry[]> | null = null;
	/** Every word of each reading (byReading keeps the most used one): built on first use. */
	private allByReading: Map<string, LexiconEntry[]> | null = null;
	private indexed = true;
	private changes = 0;

	/** Adds one use of a word (surface in canonical spelling; reading in any kana). */
	add(surface: string, reading: string): void {
		const entry = lexiconEntry(surface, reading);
		if (entry) this.addEntry(entry);
	}

	/** Adds `entry.count` uses of a word as lexiconEntry spells it (a lexicon loaded from storage). */
	addEntry(entry: LexiconEntry): void {
		const existing = this.bySurface.get(entry.folded);
		if (existing) {
			existing.count += entry.count;
			if (existing.reading || !entry.reading) return;
			existing.reading = entry.reading;
		} else this.bySurface.set(entry.folded, { ...entry });
		this.indexed = false;
		this.changes++;
	}

	get size(): number {
		return this.bySurface.size;
	}

	/**
	 * Counts the changes that alter what a text is read as (a new word, a word's first reading), so
	 * that what is built from the lexicon (the planner's vocabulary, cached plans) knows when to
	 * build again; more uses of a known word do not count.
	 */
	get version(): number {
		return this.changes;
	}

	entries(): IterableIterator<LexiconEntry> {
		return this.bySurface.values();
	}

	/** (Re)builds the reading and sound indexes after words were added (the typo index follows on use). */
	private ensureIndexed(): void {
		if (this.indexed) return;
		this.byReading = new Map();
		this.bySound = new Map();
		this.byDeletion = null;
		this.allByReading = null;
		for (const entry of this.bySurface.values()) {
			if (entry.reading) this.byReading.set(entry.reading, better(this.byReading.get(entry.reading), entry));
			for (const key of new Set([soundKey(entry.folded), entry.reading ? soundKey(entry.reading) : ''])) {
				if (length(key) >= 2) this.bySound.set(key, better(this.bySound.get(key), entry));
			}
		}
		this.indexed = true;
	}

	/** Entries by every one-character deletion of their spelling and reading (and the keys themselves). */
	private deletionIndex(): Map<string, LexiconEntry[]> {
		this.ensureIndexed();
		if (this.byDeletion) return this.byDeletion;
		const byDeletion = new Map<string, LexiconEntry[]>();
		// Each entry once per variant. (Not list.includes: a short variant such as 支援 is shared by
		// thousands of entries, and scanning its list for every one is quadratic at 100k listings.)
		for (const entry of this.bySurface.values()) {
			const variants = new Set<string>();
			for (const key of [entry.folded, entry.reading]) {
				if (length(key) < MIN_TYPO_LENGTH) continue;
				variants.add(key);
				for (const variant of deletions(key)) variants.add(variant);
			}
			for (const variant of variants) {
				const list = byDeletion.get(variant);
				if (list) list.push(entry);
				else byDeletion.set(variant, [entry]);
			}
		}
		this.byDeletion = byDeletion;
		return byDeletion;
	}

	/** The listing word a folded query word stands for, trying exact, reading, sound, then typo. */
	lookup(folded: string, options: { typos?: boolean } = {}): LexiconMatch | null {
		const exact = this.bySurface.get(folded);
		if (exact) return { entry: exact, kind: 'surface' };
		this.ensureIndexed();
		const byReading = this.byReading.get(folded);
		if (byReading) return { entry: byReading, kind: 'reading' };
		if (/^[\u3041-\u309f\u30fc]+$/.test(folded)) {
			const bySound = this.bySound.get(soundKey(folded));
			if (bySound) return { entry: bySound, kind: 'sound' };
		}
		if (options.typos === false || length(folded) < MIN_TYPO_LENGTH) return null;
		let best: LexiconEntry | undefined;
		const byDeletion = this.deletionIndex();
		for (const variant of [folded, ...deletions(folded)]) {
			for (const entry of byDeletion.get(variant) ?? []) {
				const close = withinOneEdit(folded, entry.folded) || (entry.reading !== '' && withinOneEdit(folded, entry.reading));
				if (close) best = better(best, entry);
			}
		}
		return best ? { entry: best, kind: 'typo' } : null;
	}

	/**
	 * Entries whose spelling or reading is `folded` with one character more at its start or its end
	 * (ひとりぐら → 一人暮らし): the words a kana dropped at a word's edge may have been.
	 */
	edgeExtensions(folded: string): LexiconEntry[] {
		if (length(folded) < MIN_TYPO_LENGTH) return [];
		const wanted = length(folded) + 1;
		const longerByOne = (key: string) => length(key) === wanted && (key.startsWith(folded) || key.endsWith(folded));
		return (this.deletionIndex().get(folded) ?? []).filter((entry) => longerByOne(entry.folded) || (entry.reading !== "" && longerByOne(entry.reading)));
	}

	/**
	 * The words read `reading` (同音異義語: 児童 and 自動 for じどう), most used first: what a wrong
	 * kanji conversion of that sound may have been meant as.
	 */
	homophones(reading: string): readonly LexiconEntry[] {
		this.ensureIndexed();
		if (!this.allByReading) {
			const index = new Map<string, LexiconEntry[]>();
			for (const entry of this.bySurface.values()) {
				if (!entry.reading) continue;
				const list = index.get(entry.reading);
				if (list) list.push(entry);
				else index.set(entry.reading, [entry]);
			}
			for (const list of index.values()) list.sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1));
			this.allByReading = index;
		}
		return this.allByReading.get(reading) ?? [];
	}

	/** Keys that can be found inside a longer query (surfaces and longer readings). */
	segmentKeys(): Map<string, LexiconEntry> {
		this.ensureIndexed();
		const keys = new Map<string, LexiconEntry>();
		for (const [reading, entry] of this.byReading) {
			if (length(reading) >= MIN_SEGMENT_READING_LENGTH) keys.set(reading, entry);
		}
		for (const [folded, entry] of this.bySurface) keys.set(folded, entry);
		return keys;
	}
}
