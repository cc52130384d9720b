/**
 * Readings (よみがな) with kuromoji, at index time only: the reading of a name that has none, and
 * the words of a listing with their readings for the query lexicon. kuromoji takes ~0.6 s and
 * ~330 MiB to load, so it is loaded once, lazily, on the first indexing in this process; searching
 * never needs it (queries use the lexicon built from these words).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { canonicalText } from '../../domain/text/dictionaries';
import { katakanaToHiragana, scriptRuns } from '../../domain/text/normalize';
import type { RubySpan } from '../../domain/ruby';

type KuromojiModule = typeof import('kuromoji');

const KANA_ONLY = /^[\u3041-\u309f\u30a0-\u30ff]+$/;
const HAS_KANJI = /[\p{Script=Han}々〆ヶ]/u;
/** A sentence with its closing punctuation (or a line). */
const SENTENCES = /[^。！？!?\n]+[。！？!?\n]*|[。！？!?\n]+/g;
/** Nouns and noun-like prefixes and suffixes form compound words (百歳 + 体操, 訪問 + 看護). */
const COMPOUND_POS = new Set(['名詞', '接頭詞']);
/** Texts up to this length are also lexicon words as a whole (term names, tags, short names). */
const WHOLE_TEXT_MAX_LENGTH = 16;
const CACHE_LIMIT = 50_000;

export type WordReading = [surface: string, reading: string];

function tokenReading(token: IpadicFeatures): string {
	if (token.reading && token.reading !== '*') return katakanaToHiragana(token.reading);
	return KANA_ONLY.test(token.surface_form) ? katakanaToHiragana(token.surface_form) : '';
}

export class ReadingAnalyzer {
	private tokenizer: Tokenizer<IpadicFeatures> | null = null;
	private loading: Promise<Tokenizer<IpadicFeatures>> | null = null;
	private readonly wordCache = new Map<string, WordReading[]>();
	private readonly readingCache = new Map<string, string>();
	private readonly rubyCache = new Map<string, RubySpan[]>();

	constructor(private readonly dicPath = path.resolve('node_modules/kuromoji/dict')) {}

	/** Loads the dictionary (once). */
	async load(): Promise<void> {
		if (this.tokenizer) return;
		this.loading ??= new Promise((resolve, reject) => {
			// kuromoji is CommonJS; require keeps it out of client bundles and works under tsx and vite.
			const kuromoji = createRequire(import.meta.url)('kuromoji') as KuromojiModule;
			kuromoji.builder({ dicPath: this.dicPath }).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer)));
		});
		this.tokenizer = await this.loading;
	}

	get loaded(): boolean {
		return this.tokenizer !== null;
	}

	private tokens(text: string): IpadicFeatures[] {
		if (!this.tokenizer) throw new Error('ReadingAnalyzer.load() must be awaited before use');
		return this.tokenizer.tokenize(text);
	}

	/** Hiragana reading of a text ('' parts where kuromoji knows none). */
	reading(text: string): string {
		const cached = this.readingCache.get(text);
		if (cached !== undefined) return cached;
		const reading = this.tokens(text)
			.map((token) => tokenReading(token) || token.surface_form)
			.join('');
		remember(this.readingCache, text, reading);
		return reading;
	}

	/**
	 * ふりがな spans over the kanji words of a text (descriptions), okurigana left outside the ruby
	 * (集まる → 集《あつ》まる). Words kuromoji has no reading for get none.
	 */
	rubySpans(text: string): RubySpan[] {
		const spans: RubySpan[] = [];
		// Listings share many sentences (「お気軽にご相談ください。」); tokenizing is the cost, so per sentence, cached.
		for (const sentence of text.matchAll(SENTENCES)) {
			for (const [start, end, reading] of this.sentenceRuby(sentence[0])) spans.push([sentence.index + start, sentence.index + end, reading]);
		}
		return spans;
	}

	private sentenceRuby(sentence: string): RubySpan[] {
		const cached = this.rubyCache.get(sentence);
		if (cached) return cached;
		const spans: RubySpan[] = [];
		let offset = 0;
		for (const token of this.tokens(sentence)) {
			const surface = token.surface_form;
			const start = sentence.indexOf(surface, offset);
			if (start < 0) continue;
			offset = start + surface.length;
			const reading = token.reading && token.reading !== '*' ? katakanaToHiragana(token.reading) : '';
			if (!reading || !HAS_KANJI.test(surface)) continue;
			const word = withoutOkurigana(surface, reading);
			if (word) spans.push([start + word.lead, offset - word.trail, word.reading]);
		}
		remember(this.rubyCache, sentence, spans);
		return spans;
	}

	/**
	 * The words of a text with readings: nouns, noun compounds, script runs (ほおっちょけん stays one
	 * word whatever kuromoji makes of it) and, for short texts, the whole text.
	 */
	words(rawText: string): WordReading[] {
		const text = canonicalText(rawText);
		const cached = this.wordCache.get(text);
		if (cached) return cached;
		const found = new Map<string, string>();
		const add = (surface: string, reading: string) => {
			if (Array.from(surface).length >= 2 && !found.has(surface)) found.set(surface, KANA_ONLY.test(reading) ? reading : '');
		};
		const addCompound = (tokens: IpadicFeatures[]) => {
			const readings = tokens.map(tokenReading);
			add(tokens.map((t) => t.surface_form).join(''), readings.every(Boolean) ? readings.join('') : '');
		};
		// Middle dots join one name (ファミリー・サポート・センター) but also list things (民生委員・児童委員):
		// the whole without dots and each part are words.
		const joined = text.replace(/[\u30FB\u00B7]/g, '');
		if (joined !== text && Array.from(joined).length <= WHOLE_TEXT_MAX_LENGTH) add(joined, this.reading(joined));
		for (const part of text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean)) {
			const tokens = this.tokens(part);
			let compound: IpadicFeatures[] = [];
			const flush = () => {
				// The whole compound, and its runs of 2–3 words (民生委員 inside 〜地区民生委員児童委員協議会).
				for (let start = 0; start < compound.length; start++) {
					for (let end = start + 2; end <= Math.min(compound.length, start + 3); end++) addCompound(compound.slice(start, end));
				}
				if (compound.length > 3) addCompound(compound);
				compound = [];
			};
			for (const token of tokens) {
				const hiragana = /^[\u3041-\u309f]+$/.test(token.surface_form);
				// kuromoji cuts unknown hiragana words into fragments (び, ほお): never start a compound
				// with one, and let a one-kana fragment end it.
				if (hiragana && (compound.length === 0 || token.surface_form.length === 1)) {
					flush();
					continue;
				}
				if (COMPOUND_POS.has(token.pos)) {
					compound.push(token);
					// Hiragana fragments are kuromoji guessing at unknown words; script runs cover those.
					if (token.pos === '名詞' && !hiragana) add(token.surface_form, tokenReading(token));
				} else flush();
			}
			flush();
			for (const run of scriptRuns(part)) {
				if (KANA_ONLY.test(run)) add(run, katakanaToHiragana(run));
				else add(run, this.reading(run));
			}
			if (Array.from(part).length <= WHOLE_TEXT_MAX_LENGTH) add(part, this.reading(part));
		}
		const words = [...found];
		remember(this.wordCache, text, words);
		return words;
	}
}

/** The kanji part of a word and its reading, with kana the word and its reading share at either end cut off. */
function withoutOkurigana(surface: string, reading: string): { lead: number; trail: number; reading: string } | null {
	const kana = katakanaToHiragana(surface);
	let lead = 0;
	while (lead < kana.length && !HAS_KANJI.test(surface[lead]) && kana[lead] === reading[lead]) lead++;
	let trail = 0;
	while (
		trail < kana.length - lead &&
		!HAS_KANJI.test(surface[surface.length - 1 - trail]) &&
		kana[kana.length - 1 - trail] === reading[reading.length - 1 - trail]
	)
		trail++;
	const core = reading.slice(lead, reading.length - trail);
	return core && lead + trail < surface.length ? { lead, trail, reading: core } : null;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(key, value);
}

let shared: ReadingAnalyzer | null = null;

/** The process-wide analyzer (one kuromoji dictionary in memory). */
export function readingAnalyzer(): ReadingAnalyzer {
	shared ??= new ReadingAnalyzer();
	return shared;
}
