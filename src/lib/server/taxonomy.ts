/**
 * Taxonomy terms and 困りごと concepts, read from the database (curators edit them in the admin).
 *
 * The store loads them once and keeps them until a change is committed (`changed()`): public
 * filters, API validation of `term=` and the query planner's dictionaries all read the same
 * loaded copy, so nothing is queried or compiled per request. Each change bumps `version` and
 * the next read compiles the dictionaries once; the planner's vocabulary follows because it is
 * cached per Dictionaries object.
 *
 * `seedTaxonomy` fills the tables from the built-in list (domain/taxonomy) and
 * data/dictionaries/worries.json: idempotent, and it keeps what curators changed.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppDatabase } from './db';
import { FIELDS, isField, TAXONOMY_TERMS, type Field, type TaxonomyTerm, type TermGroup, type WorryConcept } from '../domain/taxonomy';
import {
	compileDictionaries,
	dictionaries as shippedDictionaries,
	SHIPPED_DICTIONARIES,
	type Dictionaries,
	type RawWorryEntry
} from '../domain/text/dictionaries';

/** The fields of a worries.json entry that have columns; everything else goes to `extra`. */
const ENTRY_COLUMNS = new Set(['concept', 'field', 'keys', 'look_for', 'generic']);

/** A file entry as the seed accepts it: the known fields checked, any others kept. */
const SeedEntry = z
	.object({
		concept: z.string().trim().min(1).max(60).optional(),
		field: z.enum(FIELDS).nullish(),
		keys: z.array(z.string().trim().min(1)).min(1),
		look_for: z.array(z.string().trim().min(1)).min(1),
		generic: z.boolean().optional()
	})
	.passthrough();

export interface ConceptRow {
	id: string;
	concept: string;
	field: string | null;
	keys: string;
	look_for: string;
	generic: number;
	extra: string;
	seed_key: string | null;
	edited_at: string | null;
}

/** A worry_concepts row as the planner and the admin read it. */
export function toConcept(row: Pick<ConceptRow, 'id' | 'concept' | 'field' | 'keys' | 'look_for' | 'generic' | 'extra'>): WorryConcept {
	return {
		id: row.id,
		concept: row.concept,
		field: row.field && isField(row.field) ? row.field : null,
		keys: JSON.parse(row.keys) as string[],
		lookFor: JSON.parse(row.look_for) as string[],
		generic: row.generic === 1,
		extra: JSON.parse(row.extra) as Record<string, unknown>
	};
}

/** The concept in worries.json's format (what the dictionaries compile), extra fields included. */
export function conceptToEntry(concept: WorryConcept): RawWorryEntry {
	const entry: Record<string, unknown> = { ...concept.extra, concept: concept.concept, keys: concept.keys, look_for: concept.lookFor };
	if (concept.field) entry.field = concept.field;
	if (concept.generic) entry.generic = true;
	return entry as RawWorryEntry;
}

// ---------------------------------------------------------------- seeding

export interface SeedCounts {
	termsAdded: number;
	conceptsAdded: number;
	conceptsUpdated: number;
	conceptsRemoved: number;
}

/**
 * Seeds terms and concepts. Terms are matched by code, concepts by their label as shipped (the
 * seed key): new ones are added, ones no curator has edited follow the shipped data (names,
 * keys…), shipped concepts gone from the file are removed unless a curator edited them. Terms are
 * never removed (listings refer to them).
 */
export function seedTaxonomy(
	db: AppDatabase,
	terms: readonly TaxonomyTerm[] = TAXONOMY_TERMS,
	entries: readonly unknown[] = SHIPPED_DICTIONARIES.worries.worries
): SeedCounts {
	const sqlite = db.$client;
	const counts: SeedCounts = { termsAdded: 0, conceptsAdded: 0, conceptsUpdated: 0, conceptsRemoved: 0 };
	const parsed = entries.map((entry, index) => {
		const result = SeedEntry.safeParse(entry);
		if (!result.success) throw new Error(`data/dictionaries/worries.json: entry ${index + 1}: ${result.error.message}`);
		return result.data;
	});
	sqlite.transaction(() => {
		const termByCode = sqlite.prepare('SELECT id, edited_at AS editedAt FROM taxonomy_terms WHERE code = ?');
		const insertTerm = sqlite.prepare(
			"INSERT INTO taxonomy_terms (id, code, name, name_kana, field, vocabulary, sort_order) VALUES (?, ?, ?, ?, ?, 'tsunagi-term', ?)"
		);
		const refreshTerm = sqlite.prepare('UPDATE taxonomy_terms SET name = ?, name_kana = ?, field = ?, sort_order = ? WHERE id = ?');
		terms.forEach((term, index) => {
			const existing = termByCode.get(term.code) as { id: string; editedAt: string | null } | undefined;
			if (!existing) {
				insertTerm.run(randomUUID(), term.code, term.name, term.kana, term.field, index + 1);
				counts.termsAdded++;
			} else if (!existing.editedAt) {
				refreshTerm.run(term.name, term.kana, term.field, index + 1, existing.id);
			}
		});

		const rows = sqlite.prepare('SELECT * FROM worry_concepts').all() as ConceptRow[];
		const bySeedKey = new Map(rows.filter((row) => row.seed_key).map((row) => [row.seed_key as string, row]));
		const labelTaken = sqlite.prepare('SELECT id FROM worry_concepts WHERE concept = ?').pluck();
		/** The label, or the label with a number when another concept already has it. */
		const freeLabel = (label: string, ownId: string | null) => {
			for (let n = 1; ; n++) {
				const candidate = n === 1 ? label : `${label}（${n}）`;
				const holder = labelTaken.get(candidate) as string | undefined;
				if (!holder || holder === ownId) return candidate;
			}
		};
		const insert = sqlite.prepare(
			'INSERT INTO worry_concepts (id, concept, field, keys, look_for, generic, extra, seed_key, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
		);
		const update = sqlite.prepare(
			'UPDATE worry_concepts SET concept = ?, field = ?, keys = ?, look_for = ?, generic = ?, extra = ?, sort_order = ? WHERE id = ?'
		);
		const seen = new Set<string>();
		parsed.forEach((entry, index) => {
			// Entries without a label (older files) are known by their first key.
			let seedKey = entry.concept ?? entry.keys[0];
			for (let n = 2; seen.has(seedKey); n++) seedKey = `${entry.concept ?? entry.keys[0]}（${n}）`;
			seen.add(seedKey);
			const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !ENTRY_COLUMNS.has(key)));
			const values = [entry.field ?? null, JSON.stringify(entry.keys), JSON.stringify(entry.look_for), entry.generic ? 1 : 0, JSON.stringify(extra), index + 1];
			const existing = bySeedKey.get(seedKey);
			if (!existing) {
				const id = randomUUID();
				insert.run(id, freeLabel(seedKey, null), values[0], values[1], values[2], values[3], values[4], seedKey, values[5]);
				counts.conceptsAdded++;
			} else if (!existing.edited_at) {
				const changed =
					existing.field !== values[0] || existing.keys !== values[1] || existing.look_for !== values[2] || existing.generic !== values[3] || existing.extra !== values[4];
				update.run(freeLabel(seedKey, existing.id), ...values, existing.id);
				if (changed) counts.conceptsUpdated++;
			}
		});
		const remove = sqlite.prepare('DELETE FROM worry_concepts WHERE id = ?');
		for (const row of rows) {
			if (row.seed_key && !row.edited_at && !seen.has(row.seed_key)) {
				remove.run(row.id);
				counts.conceptsRemoved++;
			}
		}
	})();
	return counts;
}

// ---------------------------------------------------------------- the loaded copy

interface Loaded {
	terms: TaxonomyTerm[];
	byCode: Map<string, TaxonomyTerm>;
	concepts: WorryConcept[];
}

/** Terms in the fields' order, then their sort order. */
const TERMS_SQL = `SELECT code, name, coalesce(name_kana, '') AS kana, field FROM taxonomy_terms ORDER BY sort_order, rowid`;

export class TaxonomyStore {
	private loaded: Loaded | null = null;
	private compiled: Dictionaries | null = null;
	private changes = 0;

	constructor(
		private readonly db: AppDatabase,
		private readonly log: (message: string) => void = (message) => console.warn(message)
	) {}

	/** Bumped by every committed change; what is derived from the taxonomy is rebuilt once per version. */
	get version(): number {
		return this.changes;
	}

	/** Call after a change was committed: the next read loads and compiles again, once. */
	changed(): void {
		this.changes++;
		this.loaded = null;
		this.compiled = null;
	}

	private load(): Loaded {
		if (this.loaded) return this.loaded;
		const rows = this.db.$client.prepare(TERMS_SQL).all() as Array<{ code: string; name: string; kana: string; field: string }>;
		const terms = rows
			.filter((row): row is typeof row & { field: Field } => isField(row.field))
			.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
		const concepts = (this.db.$client.prepare('SELECT * FROM worry_concepts ORDER BY sort_order, rowid').all() as ConceptRow[]).map(toConcept);
		this.loaded = { terms, byCode: new Map(terms.map((term) => [term.code, term])), concepts };
		return this.loaded;
	}

	terms(): readonly TaxonomyTerm[] {
		return this.load().terms;
	}

	term(code: string): TaxonomyTerm | undefined {
		return this.load().byCode.get(code);
	}

	/** The terms of each field, for selects (every field, even one without terms yet). */
	groups(): TermGroup[] {
		const terms = this.terms();
		return FIELDS.map((field) => ({ field, terms: terms.filter((term) => term.field === field) }));
	}

	concepts(): readonly WorryConcept[] {
		return this.load().concepts;
	}

	/**
	 * The planner's dictionaries: the shipped files with the database's concepts as the 困りごと.
	 * A database that has no concepts yet (never seeded) plans with the shipped ones.
	 */
	dictionaries(): Dictionaries {
		if (this.compiled) return this.compiled;
		const concepts = this.concepts();
		if (concepts.length === 0) {
			this.compiled = shippedDictionaries();
			return this.compiled;
		}
		try {
			this.compiled = compileDictionaries({ ...SHIPPED_DICTIONARIES, worries: { ...SHIPPED_DICTIONARIES.worries, worries: concepts.map(conceptToEntry) } });
		} catch (error) {
			// Writes are validated, so this means rows written by hand: keep searching with the shipped concepts.
			this.log(`taxonomy: the stored 困りごと concepts do not compile (${(error as Error).message}); using the shipped ones`);
			this.compiled = shippedDictionaries();
		}
		return this.compiled;
	}
}
