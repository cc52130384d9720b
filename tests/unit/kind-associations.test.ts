import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { contentWords, KindAssociations } from '../../src/lib/domain/text/kind-associations';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery } from '../../src/lib/domain/text/query-plan';

/** A fictional town's listings (not the 高知市 sample): the associations come from whatever the data says. */
function townListings(): Array<{ texts: string[]; terms: string[] }> {
	const listings: Array<{ texts: string[]; terms: string[] }> = [];
	const add = (count: number, text: string, terms: string[]) => {
		for (let i = 0; i < count; i++) listings.push({ texts: [`${text} ${i}`], terms });
	};
	// Kinds and words no 困りごと concept knows: only the listings can say where they point.
	add(8, 'みなと学習会\n中学生の数学や英語の補習をボランティアが行います。ご相談ください。', ['tutoring']);
	add(6, 'ひかり便利屋\n網戸の張り替えや障子の修繕を行います。ご相談ください。', ['repair']);
	add(6, 'わんわんクラブ\n犬の散歩の代行やトリミングを行います。', ['pet-care']);
	add(5, 'にゃんこホテル\n旅行の間、猫が泊まって過ごせます。', ['pet-hotel']);
	add(30, '中央公民館\n地域の集まりに使える施設です。ご相談ください。', ['community-center']);
	return listings;
}

const town = () => KindAssociations.build(townListings());

/** Listings where the tag 子育ての相談 is carried by four kinds, 見守り by one. */
function tagged(): KindAssociations {
	const kinds = ['child-consult', 'nursery', 'kodomo-shokudo', 'childcare-hub'];
	return KindAssociations.build([
		...kinds.map((term) => ({ texts: [term], terms: [term], tags: ['子育ての相談'] })),
		{ texts: ['見守り'], terms: ['minsei-iin'], tags: ['見守り'] }
	]);
}

/** Listings of three fields: 介護 is said by care listings only, 保育 by child-rearing ones. */
function fielded(): KindAssociations {
	const listings = [
		...Array.from({ length: 6 }, (_, i) => ({ texts: [`介護の相談 ${i}`], terms: ['care-center'], field: '介護' })),
		...Array.from({ length: 6 }, (_, i) => ({ texts: [`お子さんの保育 ${i}`], terms: ['temporary-care'], field: '子育て' })),
		...Array.from({ length: 12 }, (_, i) => ({ texts: [`公民館 ${i}`], terms: ['community-center'], field: '地域資源' }))
	];
	return KindAssociations.build(listings);
}

const plan = (q: string, associations = town()) => planQuery(q, { dictionaries: dictionaries(), lexicon: new Lexicon(), areas: [], associations });

describe('sign → kind associations learned from the listings', () => {
	it('points a word to the kind whose listings use it unusually often', () => {
		const associations = town();
		expect(associations.kindsFor(['補習'])).toEqual([{ term: 'tutoring' }]);
		expect(associations.kindsFor(['トリミング'])).toEqual([{ term: 'pet-care' }]);
		// Inside a longer word of the query (the same segmenter cuts both sides).
		expect(associations.kindsFor(['網戸張り替え'])).toEqual([{ term: 'repair' }]);
		// A verb however it bends: 泊まって in the listings, 泊まり in the query.
		expect(associations.kindsFor(['泊まり'])).toEqual([{ term: 'pet-hotel' }]);
	});

	it('learns nothing from words every kind uses, or that too few listings use', () => {
		const associations = town();
		expect(associations.kindsFor(['相談'])).toEqual([]);
		expect(associations.kindsFor(['ご相談ください'])).toEqual([]);
		const few = KindAssociations.build([
			{ texts: ['数学の補習'], terms: ['tutoring'] },
			{ texts: ['公民館'], terms: ['community-center'] }
		]);
		expect(few.kindsFor(['補習'])).toEqual([]);
		expect(few.size).toBe(0);
	});

	it('keeps only the telling words (memory grows with signs, not with every word)', () => {
		const words = new Set(townListings().flatMap((listing) => listing.texts.flatMap(contentWords)));
		// Chatter every kind uses (相談, ください) is not kept.
		expect(town().size).toBeLessThan(words.size);
		expect(words.has('相談')).toBe(true);
		expect(town().kindsFor(['相談'])).toEqual([]);
	});

	it('a sentence no concept covers: the learned kind after the all-words level, before any-word', () => {
		const levels = plan('うちの孫が数学についていけず、補習してくれるところ').levels;
		const learned = levels.findIndex((level) => level.tiers.some((tier) => 'term' in tier && tier.term === 'tutoring'));
		expect(learned).toBeGreaterThan(0);
		expect(levels[0].words.length).toBeGreaterThan(1);
		expect(levels[0].tiers).toEqual([]);
		const anyWord = levels.findIndex((level) => level.words.length === 0 && level.tiers.length === 0);
		expect(anyWord).toBeGreaterThan(learned);
	});

	it('does not hijack: a single word, or a sentence a concept covers, plans as before', () => {
		for (const q of ['補習', '公民館', 'トリミング']) {
			expect(plan(q).levels.every((level) => level.tiers.length === 0)).toBe(true);
		}
		// 認知症 is a concept: its kinds, not the learned ones.
		const withConcept = plan('認知症の母が犬の散歩に行けない').levels;
		expect(withConcept.some((level) => level.tiers.some((tier) => 'term' in tier && tier.term === 'pet-care'))).toBe(false);
		expect(plan('認知症の母が犬の散歩に行けない', KindAssociations.build([])).levels).toEqual(withConcept);
	});

	it('knows how many kinds carry a tag', () => {
		expect(tagged().kindsTagged('子育ての相談')).toBe(4);
		expect(tagged().kindsTagged('見守り')).toBe(1);
		expect(tagged().kindsTagged('草抜き')).toBe(0);
	});

	it('puts a concept’s own kinds before a tag listings of many kinds carry; the written order otherwise', () => {
		// 育児の悩み looks for the tag 子育ての相談 first, then the 子育て相談 kind.
		const first = (associations: KindAssociations) => plan('夜泣きがひどい', associations).levels[0].tiers;
		expect(first(tagged())[0]).toEqual({ term: 'child-consult' });
		expect(first(tagged())).toContainEqual({ tag: '子育ての相談' });
		expect(first(KindAssociations.build([]))[0]).toEqual({ tag: '子育ての相談' });
	});

	it('keeps the written order of a concept that does not ask for its kinds first, even when a broad tag leads it', () => {
		// 健康づくり is on dentists, clinics, pharmacies and 百歳体操 alike; 健康診断 puts it first on purpose.
		const health = KindAssociations.build(
			['dental', 'clinic', 'pharmacy', 'hyakusai-taiso'].map((term) => ({ texts: [term], terms: [term], tags: ['健康づくり'] }))
		);
		expect(health.kindsTagged('健康づくり')).toBe(4);
		expect(plan('検診', health).levels[0].tiers[0]).toEqual({ tag: '健康づくり' });
		expect(plan('歯科検診', health).levels[0].tiers[0]).toEqual({ tag: '健康づくり' });
	});

	it('tells the field most of a sentence’s words point to; none on a tie', () => {
		expect(fielded().fieldFor(['介護'])).toBe('介護');
		expect(fielded().fieldFor(['介護', '祖父', '公民館', '介護中'])).toBe('介護');
		expect(fielded().fieldFor(['介護', '保育'])).toBeNull();
		expect(fielded().fieldFor(['祖父'])).toBeNull();
	});

	it('puts the concepts of the field the sentence tells first, the others’ kinds after them', () => {
		// 預け is the childminding concept's; 介護 tells that this one is about an elderly person.
		const q = '在宅で介護している祖父を、冠婚葬祭の間だけ預けたい';
		const tiers = plan(q, fielded()).levels[0].tiers;
		const childminding = tiers.findIndex((tier) => ('term' in tier ? tier.term === 'temporary-care' : tier.tag === '一時預かり'));
		const care = tiers.findIndex((tier) => 'term' in tier && tier.term === 'care-center');
		expect(care).toBeGreaterThanOrEqual(0);
		expect(childminding).toBeGreaterThan(care);
		// Without listings to learn from, the sentence's order (the last concept leads).
		expect(plan(q, KindAssociations.build([])).levels[0].tiers[0]).toEqual({ tag: '一時預かり' });
	});
});
