import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import type { PlannerArea } from '../../src/lib/domain/text/query-plan';
import { QueryPlanner } from '../../src/lib/server/search/planner';

const AREAS: PlannerArea[] = [{ id: 'area-asahi', kind: '地区', name: '旭' }];

function lexicon(): Lexicon {
	const result = new Lexicon();
	for (const [surface, reading] of [
		['薬局', 'やっきょく'],
		['百歳体操', 'ひゃくさいたいそう']
	])
		result.add(surface, reading);
	return result;
}

/** One lexicon for the planner's life, as the embedded engine keeps it. */
function sameLexicon(): () => Lexicon {
	const words = lexicon();
	return () => words;
}

describe('plans kept for texts asked again', () => {
	it('answers a repeated text with the same plan, frozen so that no request can change it for the next', () => {
		const planner = new QueryPlanner(sameLexicon(), () => AREAS);
		const first = planner.plan('旭の薬局')!;
		expect(planner.plan('旭の薬局')).toBe(first);
		expect(first.levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-asahi' });
		expect(Object.isFrozen(first.levels[0].words)).toBe(true);
		expect(() => (first.levels[0].words as string[]).push('旭')).toThrow();
		// With area= set the same text is another plan (旭 is then a word, not the area).
		expect(planner.plan('旭の薬局', { explicitArea: true })!.levels[0]).toEqual({ words: ['旭', '薬局'], tiers: [] });
		expect(planner.plan('旭の薬局')).toBe(first);
	});

	it('plans again when the lexicon grows or the dictionaries change', () => {
		const words = lexicon();
		let shipped = dictionaries();
		const planner = new QueryPlanner(
			() => words,
			() => AREAS,
			() => shipped
		);
		const unknown = planner.plan('しおかぜひろば');
		words.add('潮風ひろば', 'しおかぜひろば');
		expect(planner.plan('しおかぜひろば')!.levels[0].words).toEqual(['潮風ひろば']);
		expect(unknown!.levels[0].words).not.toEqual(['潮風ひろば']);
		const before = planner.plan('薬局');
		shipped = { ...shipped };
		expect(planner.plan('薬局')).not.toBe(before);
		expect(planner.plan('薬局')).toEqual(before);
	});

	it('plans again when a known word learns its reading, though the lexicon has as many words as before', () => {
		const words = lexicon();
		words.add('潮風ひろば', '');
		const planner = new QueryPlanner(() => words, () => AREAS);
		expect(planner.plan('しおかぜひろば')!.levels[0].words).not.toEqual(['潮風ひろば']);
		const size = words.size;
		// A listing with the same name and its よみがな is indexed: no new word, one new reading.
		words.add('潮風ひろば', 'しおかぜひろば');
		expect(words.size).toBe(size);
		expect(planner.plan('しおかぜひろば')!.levels[0].words).toEqual(['潮風ひろば']);
	});

	it('keeps at most its size, dropping the text asked least recently', () => {
		const planner = new QueryPlanner(sameLexicon(), () => AREAS, undefined, undefined, undefined, 2);
		const pharmacy = planner.plan('薬局');
		const exercise = planner.plan('百歳体操');
		expect(planner.plan('薬局')).toBe(pharmacy);
		planner.plan('旭');
		expect(planner.plan('薬局')).toBe(pharmacy);
		expect(planner.plan('百歳体操')).not.toBe(exercise);
	});

	it('plans every time with a size of 0', () => {
		const planner = new QueryPlanner(sameLexicon(), () => AREAS, undefined, undefined, undefined, 0);
		expect(planner.plan('薬局')).not.toBe(planner.plan('薬局'));
		expect(planner.plan('薬局')).toEqual(planner.plan('薬局'));
	});
});
