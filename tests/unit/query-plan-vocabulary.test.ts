import { describe, expect, it, vi } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type PlannerArea, type PlannerContext } from '../../src/lib/domain/text/query-plan';

const AREAS: PlannerArea[] = [
	{ id: 'area-asahi', kind: '地区', name: '旭' },
	{ id: 'es-asahi', kind: '小学校区', name: '旭小学校区' },
	{ id: 'area-haruno', kind: '地区', name: '春野' }
];

function lexicon(): Lexicon {
	const result = new Lexicon();
	for (const [surface, reading] of [
		['薬局', 'やっきょく'],
		['旭', 'あさひ'],
		['旭町', 'あさひまち'],
		['百歳体操', 'ひゃくさいたいそう'],
		['公民館', 'こうみんかん']
	]) {
		result.add(surface, reading);
	}
	return result;
}

describe('query planning vocabulary', () => {
	it('is built once while requests alternate with and without area=', () => {
		const words = lexicon();
		// Every vocabulary build reads the lexicon's segment keys once.
		const builds = vi.spyOn(words, 'segmentKeys');
		const context = (explicitArea: boolean): PlannerContext => ({ dictionaries: dictionaries(), lexicon: words, areas: AREAS, explicitArea });
		for (let round = 0; round < 5; round++) {
			planQuery('旭の薬局', context(false));
			planQuery('百歳体操', context(true));
			planQuery('春野 公民館', context(false));
			planQuery('旭の薬局', context(true));
		}
		expect(builds).toHaveBeenCalledTimes(1);
	});

	it('reads area words as area filters only when the request names no area', () => {
		const words = lexicon();
		const plan = (q: string, explicitArea: boolean) => planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: AREAS, explicitArea });
		expect(plan('旭の薬局', false).levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-asahi' });
		// With area= set, 旭 is the listing word it also is (a name part), searched as text.
		expect(plan('旭の薬局', true).levels[0]).toEqual({ words: ['旭', '薬局'], tiers: [] });
		expect(plan('春野', true).levels[0]).toEqual({ words: ['春野'], tiers: [] });
		expect(plan('春野', false).levels[0]).toMatchObject({ words: [], areaId: 'area-haruno' });
		// Back and forth, the same answers.
		expect(plan('旭の薬局', false).levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-asahi' });
	});

	it('is rebuilt when the lexicon grows', () => {
		const words = lexicon();
		const builds = vi.spyOn(words, 'segmentKeys');
		const context: PlannerContext = { dictionaries: dictionaries(), lexicon: words, areas: AREAS };
		planQuery('薬局', context);
		words.add('訪問看護', 'ほうもんかんご');
		expect(planQuery('ほうもんかんご', context).levels[0].words).toEqual(['訪問看護']);
		expect(builds).toHaveBeenCalledTimes(2);
	});
});
