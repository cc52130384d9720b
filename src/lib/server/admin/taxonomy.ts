/**
 * Taxonomy terms and 困りごと concepts: curators add and rename them. Every write is validated
 * with zod, checked against the database, audit-logged in its transaction, and followed by
 * `taxonomy.changed()` so public filters and the query planner see it (rebuilt once, not per
 * request). A term's name is part of the search documents of its listings: renaming a term
 * touches those listings and re-indexes them (SearchSync: enqueue inside, afterCommit after).
 * Codes never change, so links such as /search?term=salon keep working after a rename.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getApp } from '../app';
import type { AppDatabase } from '../db';
import { assertCurator } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { issuesToErrors } from '../auth/users';
import { conceptToEntry, toConcept, type TaxonomyStore } from '../taxonomy';
import { auditTrail, recordAudit, type AuditEntity } from './audit';
import { InputError, NotFoundError, type AdminContext } from './workflow';
import {
	FIELDS,
	TERM_CODE_PATTERN,
	WORRY_TAGS,
	type ConceptFormValues,
	type TermFormValues,
	type WorryConcept
} from '../../domain/taxonomy';
import { compileDictionaries, foldCanonical, SHIPPED_DICTIONARIES } from '../../domain/text/dictionaries';
import { katakanaToHiragana } from '../../domain/text/normalize';

export const TERM_AUDIT_ENTITY: AuditEntity = 'taxonomy_term';
export const CONCEPT_AUDIT_ENTITY: AuditEntity = 'worry_concept';

/** The admin context plus the loaded taxonomy that must be told about a change. */
export interface TaxonomyContext extends AdminContext {
	taxonomy: Pick<TaxonomyStore, 'changed' | 'concepts'>;
}

export function taxonomyContext(): TaxonomyContext {
	const { db, searchSync, taxonomy } = getApp();
	return { db, searchSync, taxonomy };
}

// ---------------------------------------------------------------- form values

const formString = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export function emptyTermValues(field = ''): TermFormValues {
	return { code: '', name: '', kana: '', field };
}

export function termValuesFromForm(form: FormData): TermFormValues {
	return { code: formString(form, 'code'), name: formString(form, 'name'), kana: formString(form, 'kana'), field: formString(form, 'field') };
}

export function emptyConceptValues(): ConceptFormValues {
	return { concept: '', field: '', keys: '', lookFor: '', generic: false, ask: '' };
}

export function conceptValuesFromForm(form: FormData): ConceptFormValues {
	return {
		concept: formString(form, 'concept'),
		field: formString(form, 'field'),
		keys: formString(form, 'keys'),
		lookFor: formString(form, 'lookFor'),
		generic: form.get('generic') === 'on' || form.get('generic') === 'true',
		ask: formString(form, 'ask')
	};
}

export function conceptToValues(concept: WorryConcept): ConceptFormValues {
	return {
		concept: concept.concept,
		field: concept.field ?? '',
		keys: concept.keys.join('\n'),
		lookFor: concept.lookFor.join('\n'),
		generic: concept.generic,
		ask: askOf(concept)
	};
}

// ---------------------------------------------------------------- validation

/** Trimmed, inner runs of spaces made one (names keep their 全角 punctuation, as listings' names do). */
const tidy = (value: string) => value.trim().replace(/\s+/g, ' ');
const HIRAGANA = /^[\u3041-\u3096\u309D\u309Eー・ ]*$/;

const termName = z
	.string()
	.transform(tidy)
	.pipe(z.string().min(1, '名前を入力してください。').max(60, '名前は60文字以内で入力してください。'));
const termKana = z
	.string()
	.transform((value) => katakanaToHiragana(tidy(value.normalize('NFKC'))))
	.pipe(
		z
			.string()
			.max(100, 'よみがなは100文字以内で入力してください。')
			.regex(HIRAGANA, 'よみがなは、ひらがなで入力してください。')
	);

const NewTermSchema = z.object({
	code: z
		.string()
		.transform((value) => tidy(value.normalize('NFKC')).toLowerCase())
		.pipe(
			z
				.string()
				.min(1, 'コードを入力してください。')
				.max(64, 'コードは64文字以内で入力してください。')
				.regex(TERM_CODE_PATTERN, 'コードは半角の英小文字・数字・ハイフン（-）で入力してください（例：food-bank）。')
		),
	name: termName,
	kana: termKana,
	field: z.enum(FIELDS, '分野（医療・介護・障害・子育て・地域資源）を選んでください。')
});
const TermRenameSchema = z.object({ name: termName, kana: termKana });

/** One item a line (、 and , separate too), tidied, blanks and repeats dropped. */
const lines = (value: string) => [...new Set(value.split(/[\n\r、,，]+/).map(tidy).filter((item) => item.length > 0))];

const ConceptSchema = z.object({
	concept: z
		.string()
		.transform(tidy)
		.pipe(z.string().min(1, '概念の名前を入力してください。').max(40, '概念の名前は40文字以内で入力してください。')),
	field: z.union([z.literal('').transform(() => null), z.enum(FIELDS, '分野を選んでください。')]),
	keys: z
		.string()
		.transform(lines)
		.pipe(
			z
				.array(z.string().max(40, 'ことばは1つ40文字以内で入力してください。'))
				.min(1, '住民が使うことばを1つ以上入力してください。')
				.max(200, 'ことばは200個までです。')
		),
	lookFor: z
		.string()
		.transform((value) => lines(value).map((item) => item.replace(/^(tag|term)\s*[:：]\s*/i, (_, kind: string) => `${kind.toLowerCase()}:`)))
		.pipe(
			z
				.array(
					z
						.string()
						.regex(/^(tag:.+|term:[a-z0-9-]+)$/, '探す先は「tag:困りごとタグ」か「term:分類コード」の形で1行に1つずつ入力してください（例：tag:見守り、term:minsei-iin）。')
				)
				.min(1, '探す先を1つ以上入力してください。')
				.max(20, '探す先は20個までです。')
		),
	generic: z.boolean(),
	ask: z
		.string()
		.default('')
		.transform(tidy)
		.pipe(z.string().max(30, 'こんなときにの言い方は30文字以内で入力してください。'))
});

type ConceptInput = z.output<typeof ConceptSchema>;

function parse<T extends z.ZodType>(schema: T, values: unknown): z.output<T> {
	const parsed = schema.safeParse(values);
	if (!parsed.success) throw new InputError(issuesToErrors(parsed.error.issues));
	return parsed.data;
}

// ---------------------------------------------------------------- terms

interface TermRow {
	id: string;
	code: string;
	name: string;
	kana: string;
	field: string;
}

function termRow(db: AppDatabase, code: string): TermRow | undefined {
	return db.$client
		.prepare("SELECT id, code, name, coalesce(name_kana, '') AS kana, field FROM taxonomy_terms WHERE code = ?")
		.get(code) as TermRow | undefined;
}

export function requireTerm(db: AppDatabase, code: string): TermRow {
	const row = termRow(db, code);
	if (!row) throw new NotFoundError('指定された分類は見つかりません。');
	return row;
}

/** Adds a term to a field; answers its code. */
export function addTerm(ctx: TaxonomyContext, actor: SessionUser, values: TermFormValues): string {
	assertCurator(actor);
	const input = parse(NewTermSchema, values);
	const sqlite = ctx.db.$client;
	ctx.db.transaction((tx) => {
		if (termRow(ctx.db, input.code)) throw new InputError({ code: `コード「${input.code}」の分類はすでにあります。別のコードにしてください。` });
		const sameName = sqlite.prepare('SELECT code FROM taxonomy_terms WHERE field = ? AND name = ?').pluck().get(input.field, input.name) as string | undefined;
		if (sameName) throw new InputError({ name: `${input.field}には同じ名前の分類（${sameName}）がすでにあります。` });
		const sortOrder = (sqlite.prepare('SELECT coalesce(max(sort_order), 0) + 1 FROM taxonomy_terms').pluck().get() as number) ?? 1;
		const id = randomUUID();
		sqlite
			.prepare(
				"INSERT INTO taxonomy_terms (id, code, name, name_kana, field, vocabulary, sort_order, edited_at) VALUES (?, ?, ?, ?, ?, 'tsunagi-term', ?, ?)"
			)
			.run(id, input.code, input.name, input.kana || null, input.field, sortOrder, new Date().toISOString());
		recordAudit(tx, { userId: actor.id, action: 'create', entity: TERM_AUDIT_ENTITY, entityId: input.code, before: null, after: input });
	});
	ctx.taxonomy.changed();
	return input.code;
}

export interface TermUpdate {
	/** False when the values were the same as stored (nothing written). */
	changed: boolean;
	/** Listings re-indexed because the name changed. */
	reindexed: number;
}

/** Renames a term (name and よみがな; the code and the field stay) and re-indexes its listings. */
export async function renameTerm(ctx: TaxonomyContext, actor: SessionUser, code: string, values: Pick<TermFormValues, 'name' | 'kana'>): Promise<TermUpdate> {
	assertCurator(actor);
	const input = parse(TermRenameSchema, values);
	const sqlite = ctx.db.$client;
	const now = new Date().toISOString();
	const outcome = ctx.db.transaction((tx) => {
		const current = requireTerm(ctx.db, code);
		const before = { name: current.name, kana: current.kana };
		if (before.name === input.name && before.kana === input.kana) return { changed: false, serviceIds: [] as string[] };
		const sameName = sqlite
			.prepare('SELECT code FROM taxonomy_terms WHERE field = ? AND name = ? AND code <> ?')
			.pluck()
			.get(current.field, input.name, code) as string | undefined;
		if (sameName) throw new InputError({ name: `${current.field}には同じ名前の分類（${sameName}）がすでにあります。` });
		sqlite.prepare('UPDATE taxonomy_terms SET name = ?, name_kana = ?, edited_at = ? WHERE id = ?').run(input.name, input.kana || null, now, current.id);
		const serviceIds = sqlite.prepare('SELECT service_id FROM service_terms WHERE term_id = ?').pluck().all(current.id) as string[];
		// The name is in the search documents (text and the names shown in results): touch and re-index them.
		if (before.name !== input.name && serviceIds.length > 0) {
			sqlite.prepare('UPDATE services SET updated_at = ? WHERE id IN (SELECT service_id FROM service_terms WHERE term_id = ?)').run(now, current.id);
			ctx.searchSync.enqueue(serviceIds);
		}
		recordAudit(tx, { userId: actor.id, action: 'update', entity: TERM_AUDIT_ENTITY, entityId: code, before, after: input });
		return { changed: true, serviceIds: before.name !== input.name ? serviceIds : [] };
	});
	if (!outcome.changed) return { changed: false, reindexed: 0 };
	ctx.taxonomy.changed();
	await ctx.searchSync.afterCommit(outcome.serviceIds);
	return { changed: true, reindexed: outcome.serviceIds.length };
}

export interface TermListItem extends TermRow {
	listings: number;
	edited: boolean;
}

/** Every term by field (the five fields in order), with how many listings use it. */
export function listTermGroups(db: AppDatabase): Array<{ field: string; terms: TermListItem[] }> {
	const rows = db.$client
		.prepare(
			`SELECT t.id, t.code, t.name, coalesce(t.name_kana, '') AS kana, t.field, t.edited_at IS NOT NULL AS edited,
			(SELECT count(*) FROM service_terms st WHERE st.term_id = t.id) AS listings
			FROM taxonomy_terms t ORDER BY t.sort_order, t.rowid`
		)
		.all() as Array<TermRow & { listings: number; edited: number }>;
	const fields: string[] = [...FIELDS];
	for (const row of rows) if (!fields.includes(row.field)) fields.push(row.field);
	return fields.map((field) => ({
		field,
		terms: rows.filter((row) => row.field === field).map((row) => ({ ...row, edited: row.edited === 1 }))
	}));
}

export function termListings(db: AppDatabase, code: string): number {
	return db.$client
		.prepare('SELECT count(*) FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id WHERE t.code = ?')
		.pluck()
		.get(code) as number;
}

// ---------------------------------------------------------------- concepts

function storedConcept(db: AppDatabase, id: string): WorryConcept | null {
	const row = db.$client.prepare('SELECT id, concept, field, keys, look_for, generic, extra FROM worry_concepts WHERE id = ?').get(id) as
		| Parameters<typeof toConcept>[0]
		| undefined;
	return row ? toConcept(row) : null;
}

export function conceptById(db: AppDatabase, id: string): WorryConcept | null {
	return storedConcept(db, id);
}

/**
 * What zod cannot know: the label is free, the term codes exist, and the words newly given are not
 * already another concept's (a word can mean one concept only). Then the whole set must compile.
 */
function checkConcept(db: AppDatabase, input: ConceptInput, current: WorryConcept | null): void {
	const sqlite = db.$client;
	const errors: Record<string, string> = {};
	const holder = sqlite.prepare('SELECT id FROM worry_concepts WHERE concept = ?').pluck().get(input.concept) as string | undefined;
	if (holder && holder !== current?.id) errors.concept = `「${input.concept}」という概念はすでにあります。別の名前にしてください。`;
	const codes = input.lookFor.filter((target) => target.startsWith('term:')).map((target) => target.slice('term:'.length));
	const known = new Set(sqlite.prepare('SELECT code FROM taxonomy_terms').pluck().all() as string[]);
	const unknown = codes.filter((code) => !known.has(code));
	if (unknown.length > 0) errors.lookFor = `分類コード ${unknown.join('、')} は登録されていません。分類の一覧のコードを使ってください。`;
	const previous = new Set((current?.keys ?? []).map((key) => foldCanonical(key)));
	const added = input.keys.filter((key) => !previous.has(foldCanonical(key)));
	if (added.length > 0) {
		const owner = new Map<string, string>();
		const others = sqlite.prepare('SELECT id, concept, keys FROM worry_concepts').all() as Array<{ id: string; concept: string; keys: string }>;
		for (const other of others) {
			if (other.id === current?.id) continue;
			for (const key of JSON.parse(other.keys) as string[]) owner.set(foldCanonical(key), other.concept);
		}
		const taken = added.filter((key) => owner.has(foldCanonical(key)));
		if (taken.length > 0) {
			errors.keys = `${taken.map((key) => `「${key}」は「${owner.get(foldCanonical(key))}」`).join('、')}で使われています。ことばは1つの概念にだけ登録できます。`;
		}
	}
	if (Object.keys(errors).length > 0) throw new InputError(errors);
}

/** Every stored concept, with `replaced` in place of its stored version, must compile. */
function assertCompiles(db: AppDatabase, replaced: WorryConcept): void {
	const ids = db.$client.prepare('SELECT id FROM worry_concepts ORDER BY sort_order, rowid').pluck().all() as string[];
	const concepts = ids.map((id) => (id === replaced.id ? replaced : storedConcept(db, id))).filter((concept): concept is WorryConcept => concept !== null);
	if (!ids.includes(replaced.id)) concepts.push(replaced);
	try {
		compileDictionaries({ ...SHIPPED_DICTIONARIES, worries: { ...SHIPPED_DICTIONARIES.worries, worries: concepts.map(conceptToEntry) } });
	} catch (error) {
		throw new InputError({ _form: `この内容では検索の辞書を作れません（${(error as Error).message.slice(0, 200)}）。入力を確かめてください。` });
	}
}

/** The こんなときに wording kept with the concept's other fields from worries.json ('' when none). */
function askOf(concept: Pick<WorryConcept, 'extra'>): string {
	return typeof concept.extra.ask === 'string' ? concept.extra.ask : '';
}

/** The stored extra fields with the こんなときに wording set (or removed when empty). */
function withAsk(extra: Record<string, unknown>, ask: string): Record<string, unknown> {
	const { ask: _previous, ...rest } = extra;
	return ask ? { ...rest, ask } : rest;
}

const auditShape = (concept: Omit<WorryConcept, 'id' | 'extra'> & { ask: string }) => ({
	concept: concept.concept,
	field: concept.field,
	keys: concept.keys,
	lookFor: concept.lookFor,
	generic: concept.generic,
	ask: concept.ask
});

/** Adds a concept; answers its id. */
export function addConcept(ctx: TaxonomyContext, actor: SessionUser, values: ConceptFormValues): string {
	assertCurator(actor);
	const input = parse(ConceptSchema, values);
	const id = randomUUID();
	const sqlite = ctx.db.$client;
	ctx.db.transaction((tx) => {
		checkConcept(ctx.db, input, null);
		const { ask, ...fields } = input;
		const concept: WorryConcept = { id, ...fields, extra: withAsk({}, ask) };
		assertCompiles(ctx.db, concept);
		const sortOrder = sqlite.prepare('SELECT coalesce(max(sort_order), 0) + 1 FROM worry_concepts').pluck().get() as number;
		sqlite
			.prepare(
				'INSERT INTO worry_concepts (id, concept, field, keys, look_for, generic, extra, seed_key, edited_at, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)'
			)
			.run(
				id,
				input.concept,
				input.field,
				JSON.stringify(input.keys),
				JSON.stringify(input.lookFor),
				input.generic ? 1 : 0,
				JSON.stringify(concept.extra),
				new Date().toISOString(),
				sortOrder
			);
		recordAudit(tx, { userId: actor.id, action: 'create', entity: CONCEPT_AUDIT_ENTITY, entityId: id, before: null, after: auditShape(input) });
	});
	ctx.taxonomy.changed();
	return id;
}

/** Edits a concept (rename, words, places to look); fields the file had beyond these are kept. */
export function updateConcept(ctx: TaxonomyContext, actor: SessionUser, id: string, values: ConceptFormValues): { changed: boolean } {
	assertCurator(actor);
	const input = parse(ConceptSchema, values);
	const changed = ctx.db.transaction((tx) => {
		const current = storedConcept(ctx.db, id);
		if (!current) throw new NotFoundError('指定された困りごとの概念は見つかりません。');
		const before = auditShape({ ...current, ask: askOf(current) });
		if (JSON.stringify(before) === JSON.stringify(auditShape(input))) return false;
		checkConcept(ctx.db, input, current);
		const { ask, ...fields } = input;
		const extra = withAsk(current.extra, ask);
		assertCompiles(ctx.db, { ...current, ...fields, extra });
		ctx.db.$client
			.prepare('UPDATE worry_concepts SET concept = ?, field = ?, keys = ?, look_for = ?, generic = ?, extra = ?, edited_at = ? WHERE id = ?')
			.run(
				input.concept,
				input.field,
				JSON.stringify(input.keys),
				JSON.stringify(input.lookFor),
				input.generic ? 1 : 0,
				JSON.stringify(extra),
				new Date().toISOString(),
				id
			);
		recordAudit(tx, { userId: actor.id, action: 'update', entity: CONCEPT_AUDIT_ENTITY, entityId: id, before, after: auditShape(input) });
		return true;
	});
	if (changed) ctx.taxonomy.changed();
	return { changed };
}

// ---------------------------------------------------------------- history

export interface TaxonomyHistoryEntry {
	id: number;
	at: string;
	who: string;
	action: string;
	changes: Array<{ label: string; before: string; after: string }>;
}

const HISTORY_LABELS: ReadonlyArray<[string, string]> = [
	['code', 'コード'],
	['field', '分野'],
	['name', '名前'],
	['kana', 'よみがな'],
	['concept', '概念の名前'],
	['keys', '住民が使うことば'],
	['lookFor', '探す先'],
	['generic', '一般的な概念']
];

function shown(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.join('、');
	if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
	return String(value);
}

/** The audit log of a term (by code) or a concept (by id), newest first, in a curator's words. */
export function taxonomyHistory(db: AppDatabase, entity: AuditEntity, entityId: string): TaxonomyHistoryEntry[] {
	return auditTrail(db, entity, entityId, 30).map((entry) => {
		const before = (entry.before ?? {}) as Record<string, unknown>;
		const after = (entry.after ?? {}) as Record<string, unknown>;
		const changes = HISTORY_LABELS.filter(([key]) => key in before || key in after)
			.map(([key, label]) => ({ label, before: shown(before[key]), after: shown(after[key]) }))
			.filter((change) => change.before !== change.after);
		return { id: entry.id, at: entry.at, who: entry.userName ?? '（不明）', action: entry.action === 'create' ? '追加' : '編集', changes };
	});
}

/** 困りごと tags: the shipped list and every tag a listing uses, for the concept form's reminder. */
export function usedTags(db: AppDatabase): string[] {
	const used = db.$client.prepare('SELECT DISTINCT tag FROM service_tags ORDER BY tag').pluck().all() as string[];
	return [...new Set([...WORRY_TAGS, ...used])];
}
