/**
 * Sentences typed without kanji conversion: area names in kana, and kana slipped at a word's edge.
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type PlannerArea } from '../../src/lib/domain/text/query-plan';

/** Listing words and their readings, as the indexer would collect them. */
const LISTING_WORDS: ReadonlyArray<readonly [string, string]> = [
	['薬局', 'やっきょく'],
	['春野', 'はるの'],
	['百歳体操', 'ひゃくさいたいそう'],
	['子ども食堂', 'こどもしょくどう'],
	['公民館', 'こうみんかん'],
	['イベント', 'いべんと'],
	['鏡', 'かがみ']
];

const AREAS: PlannerArea[] = [
	{ id: 'area-shimoji', kind: '地区', name: '下知', reading: 'しもじ' },
	{ id: 'area-haruno', kind: '地区', name: '春野', reading: 'はるの' },
	{ id: 'area-kagami', kind: '地区', name: '鏡', reading: 'かがみ' },
	{ id: 'area-hada', kind: '地区', name: '秦', reading: 'はだ' },
	{ id: 'es-shimoji', kind: '小学校区', name: '下知小学校区', reading: 'しもじしょうがっこうく' }
];
const words = new Lexicon();
LISTING_WORDS.forEach(([surface, reading]) => words.add(surface, reading));
const plan = (q: string, explicitArea = false) => planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: AREAS, explicitArea });

describe('area names typed in kana', () => {
	it('count like the area written in kanji', () => {
		expect(plan('しもじのやっきょく').levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-shimoji' });
		expect(plan('しもじのやっきょく').levels[0]).toEqual(plan('下知の薬局').levels[0]);
		expect(plan('はるので ひゃくさいたいそう').levels[0]).toMatchObject({ words: ['百歳体操'], areaId: 'area-haruno' });
		expect(plan('ひゃくさいたいそう しもじちかく').levels[0]).toMatchObject({ words: ['百歳体操'], areaId: 'area-shimoji' });
		expect(plan('しもじちくのこどもしょくどう').levels[0]).toMatchObject({ areaId: 'area-shimoji' });
		expect(plan('しもじしょうがっこうくのやっきょく').levels[0]).toMatchObject({ words: ['薬局'], areaId: 'es-shimoji' });
	});

	it('fall back to the kanji name as a word, not the kana', () => {
		expect(plan('しもじのやっきょく').levels.map((level) => level.words)).toContainEqual(['下知', '薬局']);
	});

	it('are not read into ordinary kana words', () => {
		// はるの inside はるのいべんと (spring's event), かがみ as a thing: no area filter.
		expect(plan('はるのいべんと').levels.every((level) => !level.areaId)).toBe(true);
		expect(plan('てかがみかいたい').levels.every((level) => !level.areaId)).toBe(true);
		expect(plan('こはるのさんぽ').levels.every((level) => !level.areaId)).toBe(true);
		// Two-kana readings (はだ: skin) are never areas.
		expect(plan('はだのやっきょく').levels.every((level) => level.areaId !== 'area-hada')).toBe(true);
	});

	it('are plain words when the request already names an area', () => {
		expect(plan('しもじのやっきょく', true).levels.every((level) => !level.areaId)).toBe(true);
	});
});
