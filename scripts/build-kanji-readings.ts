/**
 * Builds data/dictionaries/kanji-readings.json — every reading the IPA dictionary (shipped with
 * kuromoji) gives a single kanji, and the readings its two-kanji words show for each kanji — so that a query with an IME slip (通員 for 通院, 相段 for 相談,
 * 足り内 for 足りない) can be read aloud at query time without loading kuromoji.
 *   npx tsx scripts/build-kanji-readings.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import kuromoji from 'kuromoji';
import { katakanaToHiragana } from '../src/lib/domain/text/normalize';

const OUT = path.resolve('data/dictionaries/kanji-readings.json');
const SINGLE_KANJI = /^\p{Script=Han}$/u;
const KANA = /^[\u3041-\u309f\u30a0-\u30ff]+$/;
/** Readings longer than this are words, not a kanji's sound (承 as うけたまわ). */
const MAX_READING_LENGTH = 4;

interface DictionaryInternals {
	token_info_dictionary: { target_map: Record<string, number[]>; getFeatures(id: string): string };
}

const tokenizer = await new Promise<{ token_info_dictionary: DictionaryInternals['token_info_dictionary'] }>((resolve, reject) =>
	kuromoji.builder({ dicPath: path.resolve('node_modules/kuromoji/dict') }).build((error, built) => (error ? reject(error) : resolve(built as never)))
);
const readings = new Map<string, Map<string, number>>();
for (const ids of Object.values(tokenizer.token_info_dictionary.target_map)) {
	for (const id of ids) {
		// surface, pos ×4, conjugation ×2, basic form, reading, pronunciation
		const features = tokenizer.token_info_dictionary.getFeatures(String(id)).split(',');
		const [surface, reading] = [features[0], features[8]];
		if (!SINGLE_KANJI.test(surface) || !reading || !KANA.test(reading)) continue;
		const hiragana = katakanaToHiragana(reading);
		if (Array.from(hiragana).length > MAX_READING_LENGTH) continue;
		const counts = readings.get(surface) ?? new Map<string, number>();
		counts.set(hiragana, (counts.get(hiragana) ?? 0) + 1);
		readings.set(surface, counts);
	}
}
// A kanji alone is mostly read by its native reading (護 まもる), but IME slips happen inside
// compounds, where the Sino-Japanese one is used (介護 かいご, 看護 かんご). Each two-kanji word whose
// one kanji's reading is known gives the other kanji the rest of the word's reading; a reading
// learnt this way from several words is kept (単語 たんご + 言語 げんご + 介護 かいご → 語 ご, 護 ご).
const compoundReadings = new Map<string, Map<string, number>>();
const TWO_KANJI = /^\p{Script=Han}{2}$/u;
const learn = (kanji: string, reading: string) => {
	if (!reading || Array.from(reading).length > 3 || !/^[\u3041-\u309f]+$/.test(reading)) return;
	const counts = compoundReadings.get(kanji) ?? new Map<string, number>();
	counts.set(reading, (counts.get(reading) ?? 0) + 1);
	compoundReadings.set(kanji, counts);
};
const seenCompounds = new Set<string>();
for (const ids of Object.values(tokenizer.token_info_dictionary.target_map)) {
	for (const id of ids) {
		const features = tokenizer.token_info_dictionary.getFeatures(String(id)).split(',');
		const [surface, reading] = [features[0], features[8]];
		// Common nouns only: names (人名, 地名) are read every which way.
		if (features[1] !== '名詞' || features[2] === '固有名詞') continue;
		if (!TWO_KANJI.test(surface) || !reading || !KANA.test(reading)) continue;
		const hiragana = katakanaToHiragana(reading);
		if (seenCompounds.has(surface + hiragana)) continue;
		seenCompounds.add(surface + hiragana);
		const [first, second] = Array.from(surface);
		for (const known of readings.get(first)?.keys() ?? []) if (hiragana.startsWith(known)) learn(second, hiragana.slice(known.length));
		for (const known of readings.get(second)?.keys() ?? []) if (hiragana.endsWith(known)) learn(first, hiragana.slice(0, hiragana.length - known.length));
	}
}
// Before kana, a kanji is read as a verb's or adjective's stem (苦しい くるしい → 苦 くる, 困る こまる →
// 困 こま): learnt from words of one kanji and kana whose reading ends in the same kana.
const stemReadings = new Map<string, Map<string, number>>();
const KANJI_THEN_KANA = /^(\p{Script=Han})([\u3041-\u309f]+)$/u;
for (const ids of Object.values(tokenizer.token_info_dictionary.target_map)) {
	for (const id of ids) {
		const features = tokenizer.token_info_dictionary.getFeatures(String(id)).split(',');
		const [surface, reading] = [features[0], features[8]];
		const match = KANJI_THEN_KANA.exec(surface);
		if (!match || !reading || !KANA.test(reading) || features[2] === '固有名詞') continue;
		const hiragana = katakanaToHiragana(reading);
		if (!hiragana.endsWith(match[2])) continue;
		const stem = hiragana.slice(0, hiragana.length - match[2].length);
		if (!stem || Array.from(stem).length > 3) continue;
		const counts = stemReadings.get(match[1]) ?? new Map<string, number>();
		counts.set(stem, (counts.get(stem) ?? 0) + 1);
		stemReadings.set(match[1], counts);
	}
}
const mostFrequent = (counts: Map<string, number> | undefined, least = 1) =>
	[...(counts ?? new Map<string, number>()).entries()]
		.filter(([, count]) => count >= least)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([reading]) => reading);

/** Fewest two-kanji words a reading must be learnt from (one word may be irregular: 今日 きょう). */
const MIN_COMPOUNDS = 3;
const table = Object.fromEntries(
	[...new Set([...readings.keys(), ...compoundReadings.keys()])]
		.sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
		.map((kanji) => {
			const alone = [...(readings.get(kanji) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reading]) => reading);
			const byCount = [...(compoundReadings.get(kanji) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
			const common = byCount.filter(([, count]) => count >= MIN_COMPOUNDS).map(([reading]) => reading);
			// A kanji with no reading otherwise, in few words (諧 of 俳諧), is read as those words read it:
			// with nothing else to go on one word is better than none (a slip of it can then be read aloud).
			const inCompounds = alone.length === 0 && common.length === 0 ? byCount.map(([reading]) => reading) : common;
			// Compound readings first: those are the sounds a mistyped compound is read with.
			return [kanji, [...new Set([...inCompounds, ...alone])].join(' ')] as const;
		})
		.filter(([, joined]) => joined.length > 0)
);
const stems = Object.fromEntries(
	[...stemReadings.keys()].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).map((kanji) => [kanji, mostFrequent(stemReadings.get(kanji)).join(' ')])
);
fs.writeFileSync(
	OUT,
	JSON.stringify({
		description:
			'Readings of kanji from the IPA dictionary (kuromoji): `readings` as used in two-kanji words, then alone; `stems` before kana (苦しい → くる); most frequent first. Built by scripts/build-kanji-readings.ts.',
		readings: table,
		stems
	}) + '\n'
);
console.log(`${OUT}: ${Object.keys(table).length} kanji`);
