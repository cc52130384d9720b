/**
 * A district named in kana in a sentence spaced after each phrase (こうすに すむ はは): the name is
 * read as the district whatever particle and space follow it, by its own reading or another reading
 * of its kanji (こうす for 高須), while a short reading that is an everyday word stays a word (はだに あう).
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type PlannerArea } from '../../src/lib/domain/text/query-plan';

const AREAS: PlannerArea[] = [
	{ id: 'area-takasu', kind: '地区', name: '高須', reading: 'たかす' },
	{ id: 'area-kera', kind: '地区', name: '介良', reading: 'けら' },
	{ id: 'area-hada', kind: '地区', name: '秦', reading: 'はだ' },
	{ id: 'area-ushioe', kind: '地区', name: '潮江', reading: 'うしおえ' },
	{ id: 'area-sanri', kind: '地区', name: '三里', reading: 'さんり' }
];
const plan = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: new Lexicon(), areas: AREAS, explicitArea: false });

describe('a district in kana before a particle and a space', () => {
	it('is the district where someone lives (に すむ, に すんでる), by any reading of its kanji', () => {
		expect(plan('こうすに すむ ははが ひとりで おふろに はいれなくなった').levels[0].areaId).toBe('area-takasu');
		expect(plan('けらに すんでる ちちが ふろに はいれん').levels[0].areaId).toBe('area-kera');
		expect(plan('おやが みさとに すんでて ごはんが つくれん').levels[0].areaId).toBe('area-sanri');
		expect(plan('しおえの ちかくで こどもを あずけたい').levels.some((level) => level.words.includes('潮江') || level.areaId === 'area-ushioe')).toBe(true);
	});

	it('leaves a short reading that is an everyday word alone before に (はだに あう is the skin)', () => {
		expect(plan('はだに あう せっけん').levels.some((level) => level.areaId === 'area-hada')).toBe(false);
	});
});
