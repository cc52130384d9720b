/**
 * The vocabulary of the portal: the five fields (分野) of Licoネット, the taxonomy terms under them,
 * the target groups and the 困りごと tags. Shared by client and server; the database stores the
 * codes, the UI shows the labels.
 *
 * Taxonomy terms and 困りごと concepts live in the database (curators add and rename them in the
 * admin; server/taxonomy loads them). TAXONOMY_TERMS below is only the built-in list the database
 * is seeded with.
 */

export const FIELDS = ['医療', '介護', '障害', '子育て', '地域資源'] as const;
export type Field = (typeof FIELDS)[number];

export const TARGETS = ['高齢者', '障害のある人', '子ども・子育て世帯', '誰でも'] as const;
export type Target = (typeof TARGETS)[number];

export const AREA_KINDS = ['市域', '地区', '小学校区', '中学校区'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const SERVICE_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const STATUS_LABELS: Record<ServiceStatus, string> = {
	draft: '下書き',
	review: '確認待ち',
	published: '公開中',
	archived: 'アーカイブ'
};

export const ORGANIZATION_KINDS = [
	'社会福祉法人',
	'薬局',
	'NPO',
	'町内会',
	'市',
	'社協',
	'企業',
	'医療法人',
	'任意団体'
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface TaxonomyTerm {
	/** Stable code, used in URLs and the API (`term=salon`). */
	code: string;
	name: string;
	kana: string;
	field: Field;
}

/**
 * The built-in terms each new database is seeded with. Codes are ASCII so URLs stay short and
 * shareable; they never change (a rename changes the name only).
 */
export const TAXONOMY_TERMS: readonly TaxonomyTerm[] = [
	// 医療
	{ code: 'clinic', name: '診療所・クリニック', kana: 'しんりょうじょ・くりにっく', field: '医療' },
	{ code: 'hospital', name: '病院', kana: 'びょういん', field: '医療' },
	{ code: 'dental', name: '歯科', kana: 'しか', field: '医療' },
	{ code: 'pharmacy', name: '薬局', kana: 'やっきょく', field: '医療' },
	{ code: 'home-nursing', name: '訪問看護', kana: 'ほうもんかんご', field: '医療' },
	// 介護
	{ code: 'care-center', name: '高齢者支援センター（地域包括支援センター）', kana: 'こうれいしゃしえんせんたー', field: '介護' },
	{ code: 'care-management', name: '居宅介護支援', kana: 'きょたくかいごしえん', field: '介護' },
	{ code: 'day-service', name: 'デイサービス（通所介護）', kana: 'でいさーびす', field: '介護' },
	{ code: 'home-help', name: '訪問介護（ホームヘルプ）', kana: 'ほうもんかいご', field: '介護' },
	{ code: 'short-stay', name: 'ショートステイ', kana: 'しょーとすてい', field: '介護' },
	{ code: 'nursing-home', name: '特別養護老人ホーム', kana: 'とくべつようごろうじんほーむ', field: '介護' },
	{ code: 'group-home', name: 'グループホーム', kana: 'ぐるーぷほーむ', field: '介護' },
	// 障害
	{ code: 'disability-consult', name: '障害者相談支援', kana: 'しょうがいしゃそうだんしえん', field: '障害' },
	{ code: 'employment-support', name: '就労支援（就労継続支援・就労移行支援）', kana: 'しゅうろうしえん', field: '障害' },
	{ code: 'life-care', name: '生活介護', kana: 'せいかつかいご', field: '障害' },
	{ code: 'child-development', name: '児童発達支援・放課後等デイサービス', kana: 'じどうはったつしえん', field: '障害' },
	// 子育て
	{ code: 'childcare-hub', name: '地域子育て支援拠点', kana: 'ちいきこそだてしえんきょてん', field: '子育て' },
	{ code: 'family-support', name: 'ファミリー・サポート・センター', kana: 'ふぁみりー・さぽーと・せんたー', field: '子育て' },
	{ code: 'nursery', name: '保育所・認定こども園', kana: 'ほいくしょ・にんていこどもえん', field: '子育て' },
	{ code: 'temporary-care', name: '一時預かり', kana: 'いちじあずかり', field: '子育て' },
	{ code: 'after-school', name: '放課後児童クラブ', kana: 'ほうかごじどうくらぶ', field: '子育て' },
	{ code: 'child-consult', name: '子育て相談', kana: 'こそだてそうだん', field: '子育て' },
	// 地域資源
	{ code: 'salon', name: 'サロン・通いの場', kana: 'さろん・かよいのば', field: '地域資源' },
	{ code: 'hyakusai-taiso', name: 'いきいき百歳体操', kana: 'いきいきひゃくさいたいそう', field: '地域資源' },
	{ code: 'kodomo-shokudo', name: '子ども食堂・地域食堂', kana: 'こどもしょくどう・ちいきしょくどう', field: '地域資源' },
	{ code: 'visit-support-b', name: '訪問型サービスB（生活支援）', kana: 'ほうもんがたさーびすびー', field: '地域資源' },
	{ code: 'day-support-b', name: '通所型サービスB', kana: 'つうしょがたさーびすびー', field: '地域資源' },
	{ code: 'mobility-shopping', name: '移動・買い物支援', kana: 'いどう・かいものしえん', field: '地域資源' },
	{ code: 'consultation-desk', name: 'なんでも相談窓口', kana: 'なんでもそうだんまどぐち', field: '地域資源' },
	{ code: 'social-welfare-council', name: '社会福祉協議会', kana: 'しゃかいふくしきょうぎかい', field: '地域資源' },
	{ code: 'minsei-iin', name: '民生委員・児童委員', kana: 'みんせいいいん・じどういいん', field: '地域資源' },
	{ code: 'silver-center', name: 'シルバー人材センター', kana: 'しるばーじんざいせんたー', field: '地域資源' },
	{ code: 'self-reliance', name: '生活困窮者自立相談支援', kana: 'せいかつこんきゅうしゃじりつそうだんしえん', field: '地域資源' },
	{ code: 'community-center', name: '公民館・集会所', kana: 'こうみんかん・しゅうかいじょ', field: '地域資源' }
];

export const TERM_BY_CODE: ReadonlyMap<string, TaxonomyTerm> = new Map(
	TAXONOMY_TERMS.map((term) => [term.code, term])
);

/** 困りごと tags: the everyday worries a listing helps with (住民主体の支え合い and more). */
export const WORRY_TAGS = [
	'ゴミ出し支援',
	'電球交換',
	'草抜き',
	'買い物代行',
	'掃除',
	'見守り',
	'話し相手',
	'通院の付き添い',
	'配食',
	'一時預かり',
	'子育ての相談',
	'介護の相談',
	'お金の相談',
	'仕事の相談',
	'健康づくり',
	'居場所',
	'食事の提供',
	'薬の相談',
	'なんでも相談'
] as const;
export type WorryTag = (typeof WORRY_TAGS)[number];

export function isField(value: string): value is Field {
	return (FIELDS as readonly string[]).includes(value);
}

export function isTarget(value: string): value is Target {
	return (TARGETS as readonly string[]).includes(value);
}

export function termsOfField(field: Field, terms: readonly TaxonomyTerm[] = TAXONOMY_TERMS): TaxonomyTerm[] {
	return terms.filter((term) => term.field === field);
}

/** Term codes: ASCII lower-case words joined by hyphens (they appear in URLs: `term=home-nursing`). */
export const TERM_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The terms of each field, in the fields' order (for selects and the admin list). */
export interface TermGroup {
	field: Field;
	terms: TaxonomyTerm[];
}

/** A 困りごと concept as stored and edited: the worries.json entry format (concept, field, keys, look_for, generic). */
export interface WorryConcept {
	id: string;
	/** Short Japanese label, unique (通院・移動). */
	concept: string;
	/** The field it belongs to; null for a cross-field concept. */
	field: Field | null;
	/** Everyday words that mean it. */
	keys: string[];
	/** Where to look, best first: 'tag:…' (a 困りごと tag) or 'term:…' (a term code). */
	lookFor: string[];
	/** Used only when no specific concept is in the query. */
	generic: boolean;
	/** Any other fields of the file's entry, kept as they were. */
	extra: Record<string, unknown>;
}

/** The admin's term form as typed (strings), so a refused form keeps everything. */
export interface TermFormValues {
	code: string;
	name: string;
	kana: string;
	field: string;
}

/** The admin's concept form as typed: keys and places one per line. */
export interface ConceptFormValues {
	concept: string;
	field: string;
	keys: string;
	lookFor: string;
	generic: boolean;
	/** How a resident says it on こんなときに (「電球を替えてほしい」); empty: not offered there. */
	ask?: string;
}

/** The field's colour on maps and chips (contrast ≥ 4.5:1 against white text). */
export const FIELD_COLORS: Record<Field, string> = {
	医療: '#b42318',
	介護: '#1d4ed8',
	障害: '#6d28d9',
	子育て: '#b45309',
	地域資源: '#0b6e4f'
};
