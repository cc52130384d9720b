/**
 * Builds data/dictionaries/kanji-readings.json — every reading the IPA dictionary (shipped with
 * kuromoji) gives a single kanji — so that a query with an IME slip (通員 for 通院, 相段 for 相談,
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
const table = Object.fromEntries(
	[...readings.entries()]
		.sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
		.map(([kanji, counts]) => [kanji, [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reading]) => reading).join(' ')])
);
fs.writeFileSync(OUT, JSON.stringify({ description: 'Readings of single kanji from the IPA dictionary (kuromoji), most frequent first; built by scripts/build-kanji-readings.ts.', readings: table }) + '\n');
console.log(`${OUT}: ${Object.keys(table).length} kanji`);
