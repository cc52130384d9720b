/**
 * Situation frames (data/dictionaries/situations.json): a sentence that describes a situation
 * without naming a service (車いすの妹が昼間ずっと家にいて、出かける先がない) is understood from who it is
 * about (the field: 車いす → 障害, 一歳の子 → 子育て, 夫 → 介護) and what is missing (the kinds: a
 * daytime place, rest for the carer, food, someone to talk to), each part alone, so that sentences
 * nobody wrote down combine them. Matching is a few substring tests over a bounded prefix of the text.
 */
import { z } from 'zod';
import type { WorryTier } from './dictionaries';
import { katakanaToHiragana } from './normalize';
import { HIRAGANA_ONLY, segmentedWords } from './words';

const nonEmpty = z.string().trim().min(1);
const FIELDS = ['医療', '介護', '障害', '子育て', '地域資源'] as const;
const Field = z.enum(FIELDS);
/** A taxonomy term code or a 困りごと tag, as in worries.json. */
const LookFor = z.union([z.string().regex(/^tag:.+$/), z.string().regex(/^term:[a-z0-9-]+$/)]);

/** A named word list used in groups and unless lists as '@name', so that a list is written once. */
const LIST_REFERENCE = /^@(.+)$/u;

/**
 * What a word of a group or unless list stands for: a plain word itself; '@name' the words of that
 * list, or null when the file has no such list.
 */
function wordsOf(word: string, lists: Readonly<Record<string, string[]>>): string[] | null {
	const name = LIST_REFERENCE.exec(word)?.[1];
	if (name === undefined) return [word];
	return Object.hasOwn(lists, name) ? lists[name] : null;
}

export const SituationsFile = z
	.object({
		/** Word lists several needs or who entries share (the signs of a sudden illness: a group of one need, the unless of others). */
		lists: z.record(nonEmpty, z.array(nonEmpty).min(1)).default({}),
		who: z.array(
			z.object({
				field: Field,
				weight: z.number().int().min(1).max(5),
				/** Whole words as the segmenter cuts the sentence (夫 is not in 大丈夫). */
				words: z.array(nonEmpty).default([]),
				/** Found anywhere in the sentence (車いす in 車いす生活); '@name' for a list's words. */
				signs: z.array(nonEmpty).default([]),
				/**
				 * Words that rank listings inside the frame's kinds when the sentence is about this one and
				 * the field is theirs (a mental illness: 精神 among the consultation offices); never required.
				 */
				hints: z.array(nonEmpty).default([])
			})
		),
		needs: z.array(
			z.object({
				need: nonEmpty,
				/** Every group needs one of its words in the sentence. */
				groups: z.array(z.array(nonEmpty).min(1)).min(1),
				/** Words that tell another need, so this one does not fire (a fever at night is an illness, not night care). */
				unless: z.array(nonEmpty).default([]),
				look_for: z.partialRecord(Field, z.array(LookFor).min(1)),
				/** Words that rank listings inside the kinds, per field (夜間 among home helpers); never required. */
				hints: z.partialRecord(Field, z.array(nonEmpty).min(1)).default({}),
				/**
				 * The need's kinds lead even beside a concept of the same field (夜中 beside 一人暮らし: the
				 * night is what is missing; サロンを立ち上げ: starting one, not joining one).
				 */
				leads: z.boolean().default(false),
				/** The field when the sentence names no one (集まりを始めたい: the neighbourhood's). */
				alone: Field.optional()
			})
		)
	})
	.superRefine((file, context) => {
		file.who.forEach((entry, index) => {
			for (const word of entry.signs) {
				if (!wordsOf(word, file.lists)) context.addIssue({ code: 'custom', path: ['who', index], message: `unknown word list ${word}` });
			}
		});
		file.needs.forEach((need, index) => {
			for (const word of [...need.groups.flat(), ...need.unless]) {
				if (!wordsOf(word, file.lists)) context.addIssue({ code: 'custom', path: ['needs', index], message: `unknown word list ${word}` });
			}
		});
	});

export interface SituationFrame {
	/** The field the sentence is about. */
	field: string;
	/** The needs understood, in the file's order. */
	needs: string[];
	/** The kinds to look in, best first. */
	lookFor: WorryTier[];
	/** Words that rank listings inside those kinds (never required). */
	hints: string[];
	/** Whether the kinds lead even beside a concept of the same field named in the sentence. */
	leads: boolean;
}

export interface Situations {
	/** The frame a (normalised, canonical) text describes, or null when it names no one or nothing missing. */
	frameOf(text: string): SituationFrame | null;
	/** Whether a word only says who a sentence is about or their condition (夫, 車いす, トイレ). */
	describesWho(word: string): boolean;
}

/** A long o, spelled う or お after an o-row kana: heard alike (ほうかご, ほおかご). */
const LONG_O = /([おこごそぞとどのほぼぽもょよろを])う/gu;

/** What is missing is read the same however a long o is spelled by ear (ほおかご for ほうかご). */
function asHeard(text: string): string {
	return text.replace(LONG_O, '$1お');
}

/** Kana that join who and a condition in one phrase (障害のある娘, 息子の障害). */
const JOINING_KANA = /のある|がある|のいる|がいる|の|が/gu;

/** Characters of a text read for frames: a worry is told in a sentence or two; a pasted page costs no more. */
const MAX_FRAME_CHARS = 200;
/** Weight of a young child's age (一歳の, 三か月の, 5歳児): as telling as 赤ちゃん. */
const CHILD_AGE_WEIGHT = 2;
/**
 * A child's age: 0–12 years or any months, followed by の, 児, に, と or で (三か月前 is a time, 八十歳
 * an elder). Numbers in kanji or digits (NFKC has made them half-width).
 */
const CHILD_AGE = /(?<![0-9一二三四五六七八九十])(?:[0-9]|1[0-2]|[一二三四五六七八九]|十[一二]?)(?:歳|才|さい)(?=[の児にとで])|(?:[0-9]+|[一二三四五六七八九十]+)(?:か月|ヶ月|カ月|ケ月|かげつ)(?=[の児にとで])/u;

/**
 * A small child's age counted in つ (三つになる孫, 四つの息子, ふたつの娘): one to nine, then になる / になった / の
 * and a child or grandchild within two characters. Without one it is a count (三つの病院), and a difference
 * (三つ下の弟) is no age.
 */
const CHILD_AGE_IN_TSU =
	/(?<![0-9一二三四五六七八九十])(?:[1-9一二三四五六七八九]つ|ひとつ|ふたつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ここのつ)(?:になる|になった|の)[^。、]{0,2}?(?:子|孫|娘|息子|むすこ|むすめ|まご|坊|長男|長女|次男|次女|弟|妹)/u;

/**
 * A who word written in kana (はは, ちち, こども) inside a kana sentence, which the segmenter cuts
 * into single kana (は|は|を): found where it stands between particles or the sentence's edges
 * (ははを, でちちが), never inside a longer kana word (おちち, こどもしょくどう) or a repeat (あははは).
 */
const KANA_WORD_BEFORE = '(?:^|[^\\u3041-\\u309f]|[でにのがをはともへや]|から|まで|より)';
const KANA_WORD_AFTER = '(?=[がをのにはともでへや]|[^\\u3041-\\u309f]|$)';
function kanaWordPattern(kanaWords: readonly string[]): RegExp | null {
	if (kanaWords.length === 0) return null;
	// Not beside its own kana repeated (あはははは is laughter, not はは).
	const standing = (word: string) => `(?<!${Array.from(word)[0]})${word}(?!${Array.from(word).at(-1)})`;
	const longestFirst = [...kanaWords].sort((a, b) => b.length - a.length);
	return new RegExp(`${KANA_WORD_BEFORE}(?:${longestFirst.map(standing).join('|')})${KANA_WORD_AFTER}`, 'u');
}

/** Fields whose signs name a condition (自閉, 多動, 認知症): typed with 症 in kana too. */
export const CONDITION_FIELDS: ReadonlySet<string> = new Set(['障害', '介護', '医療']);

export const NO_SITUATIONS: Situations = { frameOf: () => null, describesWho: () => false };

/** Validates and compiles the frames (throws with the file name on bad data). */
export function compileSituations(
	raw: unknown,
	/** How a word with kanji may be typed in kana (限界 → げんかい): a sentence typed without conversion still matches it. */
	readAloud: (foldedWord: string) => readonly string[] = () => [],
	/** How a condition sign (自閉) is typed in kana as the condition's name (じへいしょう); signs of 障害, 介護 and 医療 only. */
	readAsCondition: (foldedWord: string) => readonly string[] = () => []
): Situations {
	const parsed = SituationsFile.safeParse(raw);
	if (!parsed.success) throw new Error(`data/dictionaries/situations.json: ${parsed.error.message}`);
	const fold = (word: string) => katakanaToHiragana(word.normalize('NFKC'));
	/** Words found anywhere in the sentence, and their readings (休みたい: やすみたい). */
	const withReadings = (words: string[]) => [...new Set([...words, ...words.flatMap(readAloud)])];
	const { lists } = parsed.data;
	// Every reference is to a list of the file (SituationsFile checked it).
	const expand = (words: string[]) => words.flatMap((word) => wordsOf(word, lists) ?? []).map(fold);
	const who = parsed.data.who.map((entry) => {
		const words = new Set(entry.words.map(fold));
		const signs = expand(entry.signs);
		const conditions = CONDITION_FIELDS.has(entry.field) ? signs.flatMap(readAsCondition) : [];
		return { ...entry, words, signs: [...new Set([...withReadings(signs), ...conditions])], kanaWords: kanaWordPattern([...words].filter((word) => HIRAGANA_ONLY.test(word))) };
	});
	const heard = (words: string[]) => words.map(asHeard);
	const needs = parsed.data.needs.map((entry) => ({ ...entry, groups: entry.groups.map((group) => heard(withReadings(expand(group)))), unless: heard(withReadings(expand(entry.unless))) }));
	const whoWords = new Set(who.flatMap((entry) => [...entry.words, ...entry.signs]));
	// Longest first, so that 精神の病 is taken whole before a shorter sign inside it.
	const whoSigns = who.flatMap((entry) => entry.signs).sort((a, b) => b.length - a.length);
	/** Who words and signs, longest first (障害のある娘: 障害 and 娘). */
	const whoParts = [...whoWords].sort((a, b) => b.length - a.length);
	/**
	 * A word made of signs (知的障害, 精神の病気) or of a sign and someone (障害のある娘, 息子の障害): when they
	 * and the kana that join them (の, がある) are taken out, at most one character is left.
	 */
	const madeOfSigns = (word: string) => {
		let rest = word;
		for (const sign of whoSigns) rest = rest.split(sign).join('');
		if (rest === word) return false;
		for (const part of whoParts) rest = rest.split(part).join('');
		return Array.from(rest.replace(JOINING_KANA, '')).length <= 1;
	};
	return {
		describesWho: (word) => whoWords.has(fold(word)) || madeOfSigns(fold(word)),
		frameOf(text) {
			const folded = katakanaToHiragana(Array.from(text).slice(0, MAX_FRAME_CHARS).join(''));
			const told = asHeard(folded);
			const present = needs.filter((need) => need.groups.every((group) => group.some((word) => told.includes(word))) && !need.unless.some((word) => told.includes(word)));
			if (present.length === 0) return null;
			const words = new Set(segmentedWords(folded));
			const weights = new Map<string, number>();
			const add = (field: string, weight: number) => weights.set(field, (weights.get(field) ?? 0) + weight);
			const found = who.filter(
				(entry) => [...entry.words].some((word) => words.has(word)) || (entry.kanaWords?.test(folded) ?? false) || entry.signs.some((sign) => folded.includes(sign))
			);
			for (const entry of found) add(entry.field, entry.weight);
			if (CHILD_AGE.test(folded) || CHILD_AGE_IN_TSU.test(folded)) add('子育て', CHILD_AGE_WEIGHT);
			const ranked = [...weights].sort((a, b) => b[1] - a[1]);
			if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) return null;
			const field = ranked[0]?.[0] ?? present.find((need) => need.alone)?.alone;
			if (!field) return null;
			const lookFor = new Map<string, WorryTier>();
			const understood: string[] = [];
			const hints = new Set<string>(found.filter((entry) => entry.field === field).flatMap((entry) => entry.hints));
			let leads = false;
			for (const need of present) {
				const kinds = need.look_for[field as (typeof FIELDS)[number]];
				if (!kinds) continue;
				understood.push(need.need);
				leads ||= need.leads;
				for (const hint of need.hints[field as (typeof FIELDS)[number]] ?? []) hints.add(hint);
				for (const kind of kinds) lookFor.set(kind, kind.startsWith('tag:') ? { tag: kind.slice('tag:'.length) } : { term: kind.slice('term:'.length) });
			}
			return understood.length > 0 ? { field, needs: understood, lookFor: [...lookFor.values()], hints: [...hints], leads } : null;
		}
	};
}
