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
	['鏡', 'かがみ'],
	['障害者', 'しょうがいしゃ'],
	['グループホーム', 'ぐるーぷほーむ']
];

const AREAS: PlannerArea[] = [
	{ id: 'area-shimoji', kind: '地区', name: '下知', reading: 'しもじ' },
	{ id: 'area-haruno', kind: '地区', name: '春野', reading: 'はるの' },
	{ id: 'area-kagami', kind: '地区', name: '鏡', reading: 'かがみ' },
	{ id: 'area-hada', kind: '地区', name: '秦', reading: 'はだ' },
	{ id: 'area-takasu', kind: '地区', name: '高須', reading: 'たかす' },
	{ id: 'area-kera', kind: '地区', name: '介良', reading: 'けら' },
	{ id: 'area-ushioe', kind: '地区', name: '潮江', reading: 'うしおえ' },
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

	it('alone, or before が/を/から, are the plain word: no area filter without something asked for there', () => {
		const noArea = (q: string) => plan(q).levels.every((level) => !level.areaId);
		// A reading typed alone: the listings named after it (しもじクリニック, 下知保育園) come first.
		expect(noArea('しもじ')).toBe(true);
		expect(noArea('はるの')).toBe(true);
		expect(plan('しもじ').levels[0].words).toEqual(['しもじ']);
		expect(plan('はるの').levels[0].words).toEqual(['春野']);
		// Everyday words that are also readings: a mirror broken, no place.
		expect(noArea('かがみをわった')).toBe(true);
		expect(noArea('かがみ')).toBe(true);
		expect(noArea('しもじからひっこしてきた')).toBe(true);
		expect(noArea('しもじがすき')).toBe(true);
	});

	it('still name the area next to something asked for, or before の, で, 近く', () => {
		expect(plan('やっきょく しもじ').levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-shimoji' });
		expect(plan('しもじのやっきょく').levels[0]).toMatchObject({ areaId: 'area-shimoji' });
		expect(plan('しもじで').levels[0]).toMatchObject({ areaId: 'area-shimoji' });
		expect(plan('しもじのちかく').levels[0]).toMatchObject({ areaId: 'area-shimoji' });
		expect(plan('あかちゃんとあそべるところ しもじのちかく').levels[0]).toMatchObject({ areaId: 'area-shimoji' });
	});

	it('with two kana (はだ) or typed unvoiced (はた for はだ), count only before a word only a place takes', () => {
		expect(plan('はだのほうでひゃくさいたいそう').levels[0]).toMatchObject({ words: ['百歳体操'], areaId: 'area-hada' });
		expect(plan('はたでひゃくさいたいそうしてるとこ').levels[0]).toMatchObject({ words: ['百歳体操'], areaId: 'area-hada' });
		expect(plan('はだのちかくのやっきょく').levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-hada' });
		expect(plan('しもしのあたりのやっきょく').levels[0]).toMatchObject({ words: ['薬局'], areaId: 'area-shimoji' });
	});

	it('with two kana or typed unvoiced, stay everyday words elsewhere (肌の, 旗を, 楽しい)', () => {
		const noArea = (q: string) => plan(q).levels.every((level) => !level.areaId);
		expect(noArea('はだのかゆみ')).toBe(true);
		expect(noArea('はだがかさかさ')).toBe(true);
		expect(noArea('はたをふる')).toBe(true);
		expect(noArea('はたのしるし')).toBe(true);
		expect(noArea('わたしはたのしい')).toBe(true);
		expect(noArea('はたけのやさい')).toBe(true);
		// Written in kanji, 鏡 is still a mirror; かかみ (unvoiced) is no place before を.
		expect(noArea('かかみをわった')).toBe(true);
	});

	it('typed unvoiced and alone, are read as the name, not kept as a word no listing has (かもた → 鴨田)', () => {
		const named = new Lexicon();
		named.add('鴨田', 'かもだ');
		const areas: PlannerArea[] = [{ id: 'area-kamoda', kind: '地区', name: '鴨田', reading: 'かもだ' }];
		const alone = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: named, areas, explicitArea: false }).levels[0].words;
		expect(alone('かもた')).toEqual(alone('かもだ'));
		expect(alone('かもた')).toEqual(['鴨田']);
	});

	it('are plain words when the request already names an area', () => {
		expect(plan('しもじのやっきょく', true).levels.every((level) => !level.areaId)).toBe(true);
	});
});

describe('kana slipped at a word\'s edge or inside a long compound', () => {
	const known = (q: string) => plan(q).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);

	it('reads a long word with its last kana dropped as the one word it can be', () => {
		expect(known('こうみんかのへやをかりたい')).toContain('公民館');
		// A worry key: ひとりぐら(し) is understood as 一人暮らし, with its kinds.
		expect(plan('ひとりぐらのははがしんぱい').levels[0].tiers).toEqual(plan('ひとりぐらしのははがしんぱい').levels[0].tiers);
		expect(plan('ひとりぐらのははがしんぱい').levels[0].tiers.length).toBeGreaterThan(0);
	});

	it('does not guess when the stem is short or several words extend it', () => {
		// Four kana: こうみん is not 公民館.
		expect(known('こうみんのへや')).not.toContain('公民館');
		const shared = new Lexicon();
		LISTING_WORDS.forEach(([surface, reading]) => shared.add(surface, reading));
		shared.add('公民会', 'こうみんかい');
		const words = planQuery('こうみんかのへやをかりたい', { dictionaries: dictionaries(), lexicon: shared, areas: AREAS }).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);
		expect(words).not.toContain('公民館');
		expect(words).not.toContain('公民会');
	});

	it('reads a small kana typed full size inside a long compound (しようがいしゃ + てちょう)', () => {
		expect(plan('しようがいしゃてちょうをもってるむすこのそうだん').levels[0]).toEqual(plan('しょうがいしゃてちょうをもってるむすこのそうだん').levels[0]);
		// Read whole as 障害者手帳 (the worry), not as 障害者 and an ending.
		expect(plan('しようがいしゃてちょうをもってるむすこのそうだん').levels[0].tiers).toEqual(plan('障害者手帳をもってる息子の相談').levels[0].tiers);
		expect(plan('しようがいしゃてちょうをもってるむすこのそうだん').levels[0].tiers.length).toBeGreaterThan(0);
	});

	it('does not read a word cut by a dropped kana into another (あしがいたくて is not あしがない)', () => {
		expect(plan('あしがいたくて').levels[0]).not.toEqual(plan('あしがない').levels[0]);
	});
});

describe('short kana readings of kanji worry keys', () => {
	it('read a three-kanji key typed in four kana (じちかい) like the key', () => {
		expect(plan('じちかいでさろんをはじめたい').levels[0].tiers).toEqual(plan('自治会でサロンを始めたい').levels[0].tiers);
		expect(plan('じちかいでさろんをはじめたい').levels[0].tiers.length).toBeGreaterThan(0);
	});

	it('only where the reading stands as a word (おいしいしゃけ holds しいしゃ, not 歯医者)', () => {
		expect(plan('おいしいしゃけがたべたい').levels.every((level) => level.tiers.length === 0)).toBe(true);
	});
});

describe('long vowels spelled by ear in kana sentences', () => {
	const known = (q: string) => plan(q).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);

	it('reads おう for おお and おお for おう where the other spelling is a known word (とうく, ほおかご)', () => {
		expect(plan('ちちのみみがとうくなってこまる').levels[0].tiers).toEqual(plan('ちちのみみがとおくなってこまる').levels[0].tiers);
		expect(plan('ちちのみみがとうくなってこまる').levels[0].tiers.length).toBeGreaterThan(0);
		expect(plan('しごとのあいだほおかごにこどもをあずけたい').levels[0].tiers).toEqual(plan('しごとのあいだほうかごにこどもをあずけたい').levels[0].tiers);
		expect(known('しごとのあいだほおかごにこどもをあずけたい')).toEqual(known('しごとのあいだほうかごにこどもをあずけたい'));
	});

	it('reads a long vowel left out after ょ inside a long word (しょうがいしゃてちょ), not in a short one (かいじょ is not 会場)', () => {
		expect(plan('しょうがいしゃてちょがほしい').levels[0].tiers).toEqual(plan('しょうがいしゃてちょうがほしい').levels[0].tiers);
		expect(known('しょうがいしゃてちょがほしい')).toContain('障害者手帳');
		expect(known('おふろのかいじょ')).not.toContain('会場');
	});

	it('keeps words that are spelled right (こうみんかん, おおきい)', () => {
		expect(known('こうみんかんのへやをかりたい')).toContain('公民館');
		expect(plan('おおきいこうえん').levels[0]).toEqual(plan('おおきいこうえん').levels[0]);
	});
});

describe('synonyms and variants typed in kana', () => {
	const known = (q: string) => plan(q).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);

	it('reads a kanji synonym or variant by its reading (しゃきょう → 社会福祉協議会, ほいくえん → 保育所)', () => {
		expect(known('しゃきょう')).toContain('社会福祉協議会');
		expect(known('ほいくえん')).toContain('保育所');
		expect(known('ちかくのほいくえんをさがしてる')).toContain('保育所');
	});
});

describe('words that begin like a particle or a 土佐弁 ending', () => {
	const words = (q: string) => plan(q).levels[0].words.concat(plan(q).levels[0].optional ?? []);

	it('keep their first kana: a chunk does not open with an ending or particle (ちゅうがっこう, ちゅうしゃ, やっきょ)', () => {
		expect(words('ちゅうがっこう').join('')).toMatch(/^ちゅう/);
		expect(words('ちゅうしゃ').join('')).toBe('ちゅうしゃ');
		expect(words('やっきょ')).toEqual(['やっきょ']);
	});

	it('leave no word starting with a small kana (が|っこう, や|っきょ)', () => {
		for (const q of ['ちゅうがっこう', 'ちかくのやっきょ', 'ちゅうしゃじょうがある']) {
			expect(words(q).every((word) => !/^[ぁぃぅぇぉっゃゅょーん]/.test(word))).toBe(true);
		}
	});

	it('still drop an ending after a verb and a particle between words (こまっちゅう, やっきょくやびょういん)', () => {
		expect(words('しごとでこまっちゅう')).not.toContain('ちゅう');
		expect(words('やっきょくやびょういん')).not.toContain('や');
	});
});

describe('a kana word nobody knows', () => {
	const all = (q: string) => plan(q).levels.flatMap((level) => [...level.words, ...(level.optional ?? [])]);
	const FRAGMENTS = ['こう', 'がっ', 'ちゅう', 'ちゅ', 'うしゃ', 'うしゃじょう', 'はり', 'きゅう', 'ゆう'];

	it('is kept whole, never cut after っ, inside a mora or between ゅ and its long vowel (ちゅうがっこう, ちゅうしゃ)', () => {
		expect(plan('ちゅうがっこう').levels[0].words).toEqual(['ちゅうがっこう']);
		expect(plan('しょうがっこう').levels[0].words).toEqual(['しょうがっこう']);
		expect(plan('がっこう').levels[0].words).toEqual(['がっこう']);
		expect(plan('ちゅうしゃ').levels[0].words).toEqual(['ちゅうしゃ']);
		expect(plan('ちゅうしゃじょう').levels[0].words).toEqual(['ちゅうしゃじょう']);
		expect(plan('はりきゅう').levels[0].words).toEqual(['はりきゅう']);
	});

	it('never makes a 2-kana fragment of itself a required word (こう, うしゃ, ちゅ)', () => {
		for (const q of ['ちゅうがっこう', 'しょうがっこう', 'がっこう', 'ちゅうしゃ', 'ちゅうしゃじょう', 'はりきゅう']) {
			expect(all(q).filter((word) => FRAGMENTS.includes(word))).toEqual([]);
		}
	});

	it('still leaves the readings fixed before: とおく, 手帳, 保育所, 社協, やっきょ, あいてる', () => {
		expect(all('しょうがいしゃてちょがほしい')).toContain('障害者手帳');
		expect(all('ほいくえん')).toContain('保育所');
		expect(all('やっきょ')).toEqual(['やっきょ']);
		expect(all('しごとでこまっちゅう')).not.toContain('ちゅう');
	});
});

describe('who a kana sentence is about (はは, ちち, おっと typed without conversion)', () => {
	const firstKind = (q: string) => plan(q).levels[0].tiers[0];
	const frameField = (q: string) => dictionaries().situations.frameOf(q)?.field ?? null;

	it('tells the field like the kanji word: a parent looked after in the daytime is a day service, not a nursery', () => {
		expect(firstKind('ちちをひるまだけあずかってくれるところ')).toEqual({ term: 'day-service' });
		expect(firstKind('ちちをひるまだけあずかってくれるところ')).toEqual(firstKind('父を昼間だけ預かってくれるところ'));
		expect(frameField('みさとでははをひるまだけみてくれるところ')).toBe('介護');
	});

	it('counts only where it stands as a word between particles (not おちち, ははは), and leaves a child unchanged', () => {
		expect(frameField('おちちをひるまだけあずかって')).toBeNull();
		expect(frameField('あははははひるまだけあずかって')).toBeNull();
		expect(firstKind('こどもをひるまだけあずかってくれるところ')).toEqual(firstKind('子供を昼間だけ預かってくれるところ'));
		expect(frameField('こどもをひるまだけあずかってくれるところ')).toBe('子育て');
	});
});

describe('a district typed by another reading of its kanji (みさと for 三里)', () => {
	const districts: PlannerArea[] = [...AREAS, { id: 'area-sanri', kind: '地区', name: '三里', reading: 'さんり' }];
	const planIn = (q: string) => planQuery(q, { dictionaries: dictionaries(), lexicon: words, areas: districts, explicitArea: false });

	it('is the district before a place word, like its reading', () => {
		expect(planIn('みさとでこどもしょくどう').levels[0]).toMatchObject({ areaId: 'area-sanri' });
		expect(planIn('みさとでこどもしょくどう').levels[0]).toEqual(planIn('さんりでこどもしょくどう').levels[0]);
		expect(planIn('みさとのほうのこうみんかん').levels[0]).toMatchObject({ words: ['公民館'], areaId: 'area-sanri' });
		expect(planIn('おやが みさとに すんでて ごはんが つくれん').levels[0]).toMatchObject({ areaId: 'area-sanri' });
	});

	it('is no district alone, as a name, or for a one-kanji name read another way (鏡 is not きょう)', () => {
		expect(planIn('みさと').levels[0].areaId).toBeUndefined();
		expect(planIn('みさとちゃんのいえ').levels[0].areaId).toBeUndefined();
		expect(planIn('きょうでこどもしょくどう').levels[0].areaId).toBeUndefined();
	});
});

describe('a situation told in kana (ていねん, げんかい typed without conversion)', () => {
	const firstKind = (q: string) => plan(q).levels[0].tiers[0];

	it('reads the frame words by their readings, like the kanji: a retired parent idle at home is a サロン, a carer at the limit needs rest', () => {
		expect(dictionaries().situations.frameOf('ちちのかいごでもうげんかい')?.needs).toEqual(['介護する人の休息']);
		expect(firstKind('ていねんしてからちちがずっといえでぼーっとしてる')).toEqual({ term: 'salon' });
		expect(firstKind('ていねんしてからちちがずっといえでぼーっとしてる')).toEqual(firstKind('定年してから父がずっと家でぼーっとしてる'));
	});

	it('leaves a kana sentence without such a word as it was', () => {
		expect(firstKind('ちちのかいごのそうだん')).toEqual(firstKind('父の介護の相談'));
		expect(dictionaries().situations.frameOf('きょうはいいてんき')).toBeNull();
	});
});

describe('a kana sentence spaced after each phrase', () => {
	const level = (q: string) => plan(q).levels[0];

	it('hears a worry that spans a space as if typed together (だれとも|はなさない, いえに|きてくれる)', () => {
		expect(level('ひとりぐらしで だれとも はなさない').tiers).toEqual(level('ひとりぐらしでだれともはなさない').tiers);
		expect(level('ひとりぐらしで だれとも はなさない').tiers).toContainEqual({ tag: '話し相手' });
		expect(level('おふろに はいれない いえに きてくれる ひと').tiers[0]).toEqual({ term: 'home-help' });
	});

	it('keeps other spaces as word breaks (ぼうぼう じぶん is two words nobody knows)', () => {
		expect(plan('くさがぼうぼう じぶんでは かれない').levels.flatMap((l) => [...l.words, ...(l.optional ?? [])])).not.toContain('ぼうぼうじぶん');
	});
});

describe('compound worries typed in three or four kana (よなき, つきそって)', () => {
	const level = (q: string) => plan(q).levels[0];

	it('reads a two-kanji key in few kana where it stands as a word, like the key', () => {
		expect(level('あかちゃんが よなきして ねない').optional).toContain('夜泣き');
		expect(level('あかちゃんが よなきして ねない').tiers[0]).toEqual(level('赤ちゃんが 夜泣きして 寝ない').tiers[0]);
		expect(level('つきそってくれるひと').tiers).toContainEqual({ tag: '通院の付き添い' });
	});

	it('not inside other kana (いつきそうかな holds つきそ)', () => {
		expect(plan('いつきそうかな').levels.every((l) => l.tiers.length === 0)).toBe(true);
	});

	it('reads a key that ends on a verb kanji after kana by the verb (びょういんにいく for 病院に行)', () => {
		expect(level('びょういんにいくのがたいへん').tiers).toEqual(level('病院に行くのが大変').tiers);
		expect(level('びょういんにいくのがたいへん').tiers).toContainEqual({ tag: '通院の付き添い' });
	});
});

describe('a particle or ending that swallows the start of a worry typed in kana', () => {
	const level = (q: string) => plan(q).levels[0];

	it('gives way to the worry after it (が|よなき, not the 土佐弁 ending がよ)', () => {
		expect(level('あかちゃんがよなきしてねない').optional).toContain('夜泣き');
		expect(level('あかちゃんがよなきしてねない').tiers[0]).toEqual(level('赤ちゃんが夜泣きして寝ない').tiers[0]);
	});
});

describe('で and いる after a noun typed in kana (しごとでいない, ひとりでいる)', () => {
	const all = (q: string) => plan(q).levels.flatMap((l) => [...l.words, ...(l.optional ?? [])]);

	it('is the particle and the verb, not デイ', () => {
		expect(all('ははがしごとでいない')).not.toContain('デイサービス');
		expect(all('ひとりでいるのがさびしい')).not.toContain('デイサービス');
	});

	it('still reads でい standing as a word as デイ', () => {
		expect(all('でいにいきたい')).toContain('デイサービス');
	});
});

/** The kinds a sentence's first level looks in, in order. */
const kinds = (q: string) => plan(q).levels[0].tiers.map((tier) => ('term' in tier ? tier.term : tier.tag));

describe('a condition named in kana with 症 (じへいしょう)', () => {
	it('is read as the condition its two kanji name, as in kanji', () => {
		expect(kinds('じへいしょうのむすこのことでそうだんしたい')).toEqual(kinds('自閉症の息子のことで相談したい'));
		expect(kinds('じへいしょうのむすこのことでそうだんしたい')).toContain('disability-consult');
		// Sentences of the same family not tuned on: another condition, another worry after it.
		expect(kinds('たどうしょうのむすこのこと しんぱい')).toContain('child-development');
		expect(kinds('じへいしょうぎみのむすめを あずけたい')).toContain('child-development');
	});

	it('tells a situation frame whose situation it is', () => {
		const frame = (text: string) => dictionaries().situations.frameOf(text);
		expect(frame('じへいしょうのむすこがひるまいくところがない')?.field).toBe('障害');
		expect(frame('じへいしょうのあにが ひるま いくところがない')?.field).toBe('障害');
	});
});

describe('a key written with one spelling, typed in kana as the other is read (保育所 / 保育園)', () => {
	it('finds the key as the kanji sentence does', () => {
		expect(kinds('ほいくえんにいれたい')).toEqual(kinds('保育園に入れたい'));
		expect(kinds('むすめをほいくえんにいれたいけど')).toContain('nursery');
		// The ん dropped (ほいくえに): still the key, not 入浴.
		expect(kinds('ほいくえにいれたい')).toContain('nursery');
	});
});

describe('a district in kana before a particle and a space (こうすに すむ はは)', () => {
	it('is the district where someone lives (に すむ, に すんでる), by any reading of its kanji', () => {
		expect(plan('こうすに すむ ははが ひとりで おふろに はいれなくなった').levels[0].areaId).toBe('area-takasu');
		expect(plan('けらに すんでる ちちが ふろに はいれん').levels[0].areaId).toBe('area-kera');
		expect(plan('しおえの ちかくで こどもを あずけたい').levels.some((level) => level.words.includes('潮江') || level.areaId === 'area-ushioe')).toBe(true);
	});

	it('leaves a short reading that is an everyday word alone before に (はだに あう is the skin)', () => {
		expect(plan('はだに あう せっけん').levels.some((level) => level.areaId === 'area-hada')).toBe(false);
	});
});
