/**
 * What kinds of listings the sample holds and how each kind looks: name patterns (with readings),
 * taxonomy terms, targets, 困りごと tags, wording, fees, hours or recurring sessions, contacts and
 * the events it may hold. The generator only combines these tables with places and randomness.
 */
import type { RecurrenceChoice } from '../../src/lib/domain/recurrence';
import type { Field, OrganizationKind, Target, WorryTag } from '../../src/lib/domain/taxonomy';
import { SPACE, asKana, w, yomi, type Reading } from './reading';

// ---------------------------------------------------------------- name ingredients

/** The random ingredients a name may use; a pattern picks what it needs. */
export interface NameContext {
	district: Reading;
	/** A friendly word (ひまわり, 鏡川 …) that names pharmacies, day services, groups. */
	brand: Reading;
	/** A brand in hiragana, for names that run it into a 地区 name (「旭ひまわりサロン」, not 「旭鏡川サロン」). */
	hiraganaBrand: Reading;
	/** 小学校区 name (旭東), for 放課後児童クラブ. */
	school: Reading;
	/** 内科, 整形外科 … for clinics. */
	specialty: Reading;
}

export type NamePattern = (c: NameContext) => readonly Reading[];

/** Brand words: hiragana and katakana read as written; kanji ones carry their reading. */
export const BRANDS: readonly Reading[] = [
	...[
		'ひまわり', 'たんぽぽ', 'さくら', 'ひだまり', 'すみれ', 'あおぞら', 'こすもす', 'なのはな', 'やまもも',
		'くろしお', 'よさこい', 'ぽかぽか', 'にこにこ', 'わかば', 'みどり', 'つくし', 'ふたば', 'あじさい', 'かえで',
		'そよかぜ', 'おひさま', 'あゆみ', 'ゆず', 'こころ', 'なごみ', 'きずな', 'ゆい', 'はなみずき', 'もみじ', 'つばき',
		'あさがお', 'のぞみ', 'めぐみ', 'ほほえみ', 'やすらぎ', 'いろは', 'まごころ', 'ぬくもり', 'はぐくみ', 'あかり',
		'しおかぜ', 'みらい', 'すずらん', 'れんげ', 'どんぐり', 'こもれび', 'ひかり', 'あさひ', 'はるかぜ', 'ささゆり',
		'ゆりかご', 'せせらぎ', 'ひばり', 'かもめ', 'つばめ', 'ほたる', 'こだま', 'やまびこ', 'けやき', 'くすのき',
		'ひのき', 'なでしこ', 'ききょう', 'りんどう', 'ひなぎく', 'たちばな', 'みかん', 'ぶんたん', 'あけぼの', 'ゆうひ',
		'そらいろ', 'こはる', 'ひより', 'にじいろ', 'ほのか', 'ゆとり', 'ことり', 'あおい', 'すばる', 'ほしぞら',
		'サンライズ', 'グリーン', 'オレンジ', 'ハーモニー', 'フレンズ', 'ピース', 'コスモ', 'ルピナス', 'マリン', 'スマイル',
		'クローバー', 'メープル', 'オリーブ', 'ミモザ', 'ポプラ', 'アカシア', 'サニー', 'ソレイユ', 'リーフ', 'フォレスト',
		'エール', 'ドリーム', 'ハピネス', 'ステラ', 'ウィズ'
	].map(w),
	yomi('四万十', 'しまんと'),
	yomi('仁淀', 'によど'),
	yomi('物部', 'ものべ'),
	yomi('土佐', 'とさ'),
	yomi('鏡川', 'かがみがわ'),
	yomi('筆山', 'ひつざん'),
	yomi('桂浜', 'かつらはま'),
	yomi('黒潮', 'くろしお'),
	yomi('清流', 'せいりゅう'),
	yomi('南海', 'なんかい'),
	yomi('若草', 'わかくさ'),
	yomi('青葉', 'あおば'),
	yomi('絆', 'きずな'),
	yomi('虹', 'にじ'),
	yomi('龍馬', 'りょうま'),
	yomi('若竹', 'わかたけ'),
	yomi('松風', 'まつかぜ'),
	yomi('菜の花', 'なのはな'),
	yomi('朝日', 'あさひ'),
	yomi('青空', 'あおぞら'),
	yomi('四季', 'しき'),
	yomi('長寿', 'ちょうじゅ'),
	yomi('潮風', 'しおかぜ'),
	yomi('陽だまり', 'ひだまり')
];

export const HIRAGANA_BRANDS: readonly Reading[] = BRANDS.filter((brand) => brand.text === brand.kana);

export const SPECIALTIES: readonly Reading[] = [
	'内科', '整形外科', '小児科', '眼科', '耳鼻咽喉科', '皮膚科', '循環器内科', '内科・消化器内科', '心療内科', '泌尿器科'
].map(w);

// ---------------------------------------------------------------- operators (organisations)

export type OrganizationNaming = 'brand' | 'self' | 'city' | 'council' | 'neighbourhood';

/**
 * Who runs a listing. 'brand': an organisation named after the brand (社会福祉法人ひだまり会);
 * 'self': the organisation is the listing itself (a サロン group, an independent pharmacy);
 * 'city' / 'council': 高知市 / 高知市社会福祉協議会; 'neighbourhood': the district's 町内会連合会.
 */
export interface Operator {
	kind: OrganizationKind;
	naming: OrganizationNaming;
	/** Put before a self-named organisation (公益社団法人…). */
	prefix?: Reading;
}

const WELFARE_CORP: Operator = { kind: '社会福祉法人', naming: 'brand' };
const MEDICAL_CORP: Operator = { kind: '医療法人', naming: 'brand' };
const NPO_CORP: Operator = { kind: 'NPO', naming: 'brand' };
const COMPANY: Operator = { kind: '企業', naming: 'brand' };
const PHARMACY_SELF: Operator = { kind: '薬局', naming: 'self' };
const PHARMACY_COMPANY: Operator = { kind: '薬局', naming: 'brand' };
const VOLUNTARY_GROUP: Operator = { kind: '任意団体', naming: 'self' };
const NEIGHBOURHOOD: Operator = { kind: '町内会', naming: 'neighbourhood' };
const CITY: Operator = { kind: '市', naming: 'city' };
const CITY_COUNCIL: Operator = { kind: '社協', naming: 'council' };
const DISTRICT_COUNCIL: Operator = { kind: '社協', naming: 'self' };
/** 公益社団法人: a non-profit; NPO is the closest organisation kind the portal has. */
const SILVER_CENTER_CORP: Operator = { kind: 'NPO', naming: 'self', prefix: w('公益社団法人') };

export const SOCIAL_WELFARE_CORPORATION = WELFARE_CORP;

/** Names of 'brand' organisations, by kind. */
export const ORGANIZATION_NAMES: Readonly<Record<'社会福祉法人' | '医療法人' | 'NPO' | '企業' | '薬局', readonly NamePattern[]>> = {
	社会福祉法人: [(c) => [w('社会福祉法人'), c.brand, w('会')], (c) => [w('社会福祉法人'), c.brand, w('福祉会')]],
	医療法人: [(c) => [w('医療法人'), c.brand, w('会')], (c) => [w('医療法人社団'), c.brand, w('会')]],
	NPO: [(c) => [w('NPO法人'), c.brand], (c) => [w('NPO法人'), w('こうち'), c.brand, w('ネット')]],
	企業: [(c) => [w('株式会社'), c.brand, w('ケア')], (c) => [w('株式会社'), c.brand, w('ライフ')], (c) => [w('有限会社'), c.brand, w('サービス')]],
	薬局: [(c) => [w('株式会社'), c.brand, w('ファーマシー')], (c) => [w('有限会社'), c.brand, w('薬局')]]
};

export const CITY_NAME: Reading = w('高知市');
export const CITY_COUNCIL_NAME: Reading = { text: '高知市社会福祉協議会', kana: 'こうちししゃかいふくしきょうぎかい' };
export const NEIGHBOURHOOD_NAME = (district: Reading): Reading[] => [district, w('地区町内会連合会')];

// ---------------------------------------------------------------- opening hours and sessions

export interface DayHours {
	/** 0 = 日曜 … 6 = 土曜 */
	days: readonly number[];
	/** [opensAt, closesAt] 'HH:MM'; closesAt ≤ opensAt runs past midnight. */
	spans: ReadonlyArray<readonly [string, string]>;
}
export type WeeklyPlan = readonly DayHours[];

const MON_FRI = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const MORNING = ['09:00', '12:30'] as const;
const AFTERNOON = ['14:00', '18:00'] as const;

export const HOURS = {
	clinic: [{ days: MON_FRI, spans: [MORNING, AFTERNOON] }, { days: [6], spans: [MORNING] }],
	/** 木曜午後休診, as many clinics do. */
	clinicThursdayMorning: [{ days: [1, 2, 3, 5], spans: [MORNING, AFTERNOON] }, { days: [4, 6], spans: [MORNING] }],
	clinicEvening: [{ days: MON_FRI, spans: [['08:30', '12:00'], ['15:00', '19:00']] }, { days: [6], spans: [['08:30', '12:00']] }],
	hospital: [{ days: MON_FRI, spans: [['08:30', '11:30'], ['13:30', '16:30']] }, { days: [6], spans: [['08:30', '11:30']] }],
	dental: [{ days: MON_FRI, spans: [['09:00', '13:00'], ['14:30', '19:00']] }, { days: [6], spans: [['09:00', '13:00']] }],
	pharmacy: [{ days: MON_FRI, spans: [['09:00', '18:00']] }, { days: [6], spans: [['09:00', '13:00']] }],
	pharmacyLong: [{ days: MON_SAT, spans: [['08:30', '19:00']] }, { days: [0], spans: [['09:00', '12:00']] }],
	office: [{ days: MON_FRI, spans: [['08:30', '17:15']] }],
	officeWithSaturday: [{ days: MON_SAT, spans: [['08:30', '17:30']] }],
	dayCare: [{ days: MON_SAT, spans: [['08:30', '17:00']] }],
	workshop: [{ days: MON_FRI, spans: [['09:00', '16:00']] }],
	reception: [{ days: MON_FRI, spans: [['09:00', '16:00']] }],
	threeDays: [{ days: [1, 3, 5], spans: [['10:00', '15:00']] }],
	allDay: [{ days: EVERY_DAY, spans: [['00:00', '24:00']] }],
	overnight: [{ days: EVERY_DAY, spans: [['20:00', '08:00']] }],
	nursery: [{ days: MON_SAT, spans: [['07:00', '19:00']] }],
	afterSchool: [{ days: MON_FRI, spans: [['13:00', '18:30']] }, { days: [6], spans: [['08:00', '18:00']] }],
	childDevelopment: [{ days: MON_FRI, spans: [['10:00', '18:00']] }, { days: [6], spans: [['09:00', '17:00']] }],
	childcareHub: [{ days: MON_FRI, spans: [['09:30', '15:30']] }, { days: [6], spans: [['09:30', '12:00']] }],
	communityHall: [{ days: EVERY_DAY, spans: [['09:00', '21:00']] }]
} satisfies Record<string, WeeklyPlan>;

/** How a recurring session repeats; weekdays come from the style's pool. */
export type RuleShape = 'weekly' | 'weekly-twice' | 'biweekly' | 'monthly-1' | 'monthly-3' | 'monthly-1-3' | 'monthly-2-4' | 'monthly-last';

export interface SessionStyle {
	shapes: readonly RuleShape[];
	/** Sunday = 0 … Saturday = 6 */
	weekdays: readonly number[];
	times: ReadonlyArray<readonly [string, string]>;
	/** '' = no note. */
	notes: readonly string[];
}

export const MONTHLY_NTHS: Readonly<Record<Extract<RuleShape, `monthly-${string}`>, readonly number[]>> = {
	'monthly-1': [1],
	'monthly-3': [3],
	'monthly-1-3': [1, 3],
	'monthly-2-4': [2, 4],
	'monthly-last': [-1]
};

export interface FixedSession {
	choice: RecurrenceChoice;
	opensAt: string;
	closesAt: string;
}

// ---------------------------------------------------------------- events

export interface EventTemplate {
	title: Reading;
	description: string;
	minutes: number;
	fees: readonly string[];
	/** [min, max] people, or null when there is no limit. */
	capacity: readonly [number, number] | null;
	howToApply: string;
	/** Held monthly on an nth weekday (認知症カフェ) rather than once. */
	recurring?: boolean;
}

const event = (title: string, kana: string, rest: Omit<EventTemplate, 'title'>): EventTemplate => ({ title: yomi(title, kana), ...rest });
const DROP_IN = '申込不要。直接会場へお越しください';
const BY_PHONE = '電話で事前に申し込んでください（先着順）';

// ---------------------------------------------------------------- listing kinds

export interface ServiceKind {
	key: string;
	field: Field;
	/** The main term, then an optional second one (added to about half of the listings). */
	terms: readonly [string] | readonly [string, string];
	/** Share among generated listings; 0 = placed by hand only (one per city or district). */
	weight: number;
	operators: readonly Operator[];
	names: readonly NamePattern[];
	targets: readonly Target[];
	extraTargets: readonly Target[];
	tags: readonly WorryTag[];
	extraTags: readonly WorryTag[];
	/** First sentence of the description; {district} is replaced by the 地区 name. */
	leads: readonly string[];
	/** Up to two of these follow the lead. */
	details: readonly string[];
	fees: readonly string[];
	eligibility: readonly string[];
	howToApply: readonly string[];
	/** Opening hours to choose from; empty when the listing has none. */
	hours: readonly WeeklyPlan[];
	sessions?: SessionStyle;
	/** 'community': meets at a 集会所 or 公民館 (the location is named after it). */
	venue: 'own' | 'community';
	/** 社会福祉法人 / 医療法人 sites that often run several services at one address. */
	sharesSite: boolean;
	contactRoles: readonly string[];
	faxRate: number;
	webRate: number;
	buildingRate: number;
	accessibility: readonly string[];
	events: readonly EventTemplate[];
}

type KindDefaults = Pick<
	ServiceKind,
	'extraTargets' | 'extraTags' | 'hours' | 'venue' | 'sharesSite' | 'faxRate' | 'webRate' | 'buildingRate' | 'events'
>;
const DEFAULTS: KindDefaults = {
	extraTargets: [],
	extraTags: [],
	hours: [],
	venue: 'own',
	sharesSite: false,
	faxRate: 0.6,
	webRate: 0.4,
	buildingRate: 0,
	events: []
};
type KindSpec = Omit<ServiceKind, keyof KindDefaults> & Partial<KindDefaults>;
const kind = (spec: KindSpec): ServiceKind => ({ ...DEFAULTS, ...spec });

const BARRIER_FREE = ['段差なし', '車いす可', '多目的トイレ', '手すりあり'];
const MEDICAL_ACCESS = ['段差なし', '車いす可', '多目的トイレ', '筆談対応', 'エレベーターあり'];
const CHILD_ACCESS = ['ベビーカー可', '授乳室', 'おむつ替えスペース', 'キッズスペース'];
const HALL_ACCESS = ['段差なし', '手すりあり', '和室（椅子あり）', '車いす可'];
const CARE_INSURANCE = '介護保険の自己負担（1〜3割）';
const ASK_CARE_MANAGER = '担当のケアマネジャーにご相談ください';
const ASK_CARE_MANAGER_OR_VISIT = `${ASK_CARE_MANAGER}。見学もできます`;

const SALON_SESSIONS: SessionStyle = {
	shapes: ['monthly-2-4', 'monthly-1-3', 'weekly', 'biweekly', 'monthly-1', 'monthly-last'],
	weekdays: [1, 2, 3, 4, 5],
	times: [['10:00', '11:30'], ['13:30', '15:00'], ['10:00', '12:00']],
	notes: ['', '', '祝日は休み', '8月は休み']
};
const TAISO_SESSIONS: SessionStyle = {
	shapes: ['weekly', 'weekly-twice', 'weekly-twice'],
	weekdays: [1, 2, 3, 4, 5],
	times: [['09:30', '10:30'], ['10:00', '11:00'], ['13:30', '14:30']],
	notes: ['', '', '雨の日も行います']
};
const SHOKUDO_SESSIONS: SessionStyle = {
	shapes: ['monthly-1', 'monthly-3', 'monthly-1-3', 'monthly-2-4', 'weekly'],
	weekdays: [3, 5, 6],
	times: [['17:00', '19:00'], ['11:30', '13:30'], ['17:30', '19:30']],
	notes: ['', '食材がなくなり次第終了', '年末年始は休み']
};
const DAY_SUPPORT_SESSIONS: SessionStyle = {
	shapes: ['weekly', 'weekly-twice'],
	weekdays: [1, 2, 3, 4, 5],
	times: [['10:00', '15:00'], ['10:00', '14:00']],
	notes: ['', '昼食の準備があるので欠席は前日までに連絡を']
};
const MOBILE_SHOP_SESSIONS: SessionStyle = {
	shapes: ['weekly-twice', 'weekly'],
	weekdays: [1, 2, 3, 4, 5, 6],
	times: [['10:00', '12:00'], ['14:00', '16:00']],
	notes: ['', '雨天時は運休することがあります']
};
const DESK_SESSIONS: SessionStyle = {
	shapes: ['weekly', 'monthly-2-4', 'biweekly'],
	weekdays: [1, 2, 3, 4, 5],
	times: [['10:00', '15:00'], ['13:00', '16:00']],
	notes: ['']
};

const CARE_CAFE = event('認知症カフェ', 'にんちしょうかふぇ', {
	description: '認知症の方やご家族、地域の方が気軽に集い、お茶を飲みながら相談できる場です。',
	minutes: 120,
	fees: ['1回100円（お茶代）', '無料'],
	capacity: null,
	howToApply: DROP_IN,
	recurring: true
});
const CARE_CLASS = event('家族介護教室', 'かぞくかいごきょうしつ', {
	description: '移乗や食事介助のこつを、介護職員が実演しながらお伝えします。',
	minutes: 90,
	fees: ['無料'],
	capacity: [10, 20],
	howToApply: BY_PHONE
});
const FACILITY_TOUR = event('施設見学会', 'しせつけんがくかい', {
	description: '施設の中をご案内し、利用の手続きや費用について説明します。',
	minutes: 60,
	fees: ['無料'],
	capacity: [5, 10],
	howToApply: BY_PHONE
});

export const SERVICE_KINDS: readonly ServiceKind[] = [
	// ------------------------------------------------------------ 医療
	kind({
		key: 'pharmacy',
		field: '医療',
		terms: ['pharmacy'],
		weight: 9,
		operators: [PHARMACY_SELF, PHARMACY_SELF, PHARMACY_COMPANY],
		names: [
			(c) => [c.brand, w('薬局')],
			(c) => [c.brand, w('調剤薬局')],
			(c) => [c.brand, w('薬局'), SPACE, c.district, w('店')],
			(c) => [c.brand, w('調剤薬局'), SPACE, c.district, w('店')],
			(c) => [asKana(c.district), w('調剤薬局')]
		],
		targets: ['誰でも'],
		tags: ['薬の相談'],
		extraTags: ['健康づくり', '介護の相談'],
		leads: [
			'処方箋の調剤のほか、市販薬や健康のことも気軽に相談できる薬局です。',
			'地域のかかりつけ薬局として、お薬の飲み合わせや飲み残しの相談に応じています。'
		],
		details: ['在宅での服薬支援（薬剤師の訪問）にも対応しています。', 'お薬手帳をお持ちください。', 'ジェネリック医薬品のご相談も承ります。', '店内に血圧計を置いています。'],
		fees: ['処方箋による（保険適用）。相談は無料'],
		eligibility: ['どなたでも'],
		howToApply: ['処方箋をお持ちください。相談だけでもお気軽にどうぞ', '直接お越しください。電話での相談もできます'],
		hours: [HOURS.pharmacy, HOURS.clinic, HOURS.pharmacyLong],
		contactRoles: ['受付', '代表'],
		faxRate: 0.8,
		webRate: 0.3,
		buildingRate: 0.25,
		accessibility: MEDICAL_ACCESS,
		events: [
			event('お薬相談会', 'おくすりそうだんかい', {
				description: '飲み残しのお薬や飲み合わせの心配ごとを、薬剤師が個別にうかがいます。お薬手帳をお持ちください。',
				minutes: 120,
				fees: ['無料'],
				capacity: null,
				howToApply: DROP_IN
			}),
			event('健康チェックの日', 'けんこうちぇっくのひ', {
				description: '血圧・骨密度・血管年齢を測定し、薬剤師が結果をご説明します。',
				minutes: 180,
				fees: ['無料'],
				capacity: [20, 40],
				howToApply: DROP_IN
			})
		]
	}),
	kind({
		key: 'clinic',
		field: '医療',
		terms: ['clinic'],
		weight: 10,
		operators: [MEDICAL_CORP],
		names: [
			(c) => [c.brand, w('クリニック')],
			(c) => [c.district, w('内科クリニック')],
			(c) => [c.brand, c.specialty],
			(c) => [asKana(c.district), w('クリニック')],
			(c) => [c.district, c.specialty, w('医院')],
			(c) => [c.brand, w('こどもクリニック')],
			(c) => [c.brand, w('ファミリークリニック')],
			(c) => [c.brand, c.specialty, w('クリニック')]
		],
		targets: ['誰でも'],
		tags: [],
		extraTags: ['健康づくり'],
		leads: ['{district}地区の診療所です。', '地域のかかりつけ医として、診療と健康の相談を行っています。'],
		details: ['予約の方を優先してご案内します。', '発熱のある方は来院前にお電話ください。', '車いすのまま受診できます。', '必要に応じて専門の医療機関を紹介します。'],
		fees: ['健康保険が使えます（自己負担あり）'],
		eligibility: ['どなたでも受診できます'],
		howToApply: ['直接来院してください（予約優先）', '電話で予約のうえ来院してください', 'Web予約または電話で予約してください'],
		hours: [HOURS.clinic, HOURS.clinicThursdayMorning, HOURS.clinicEvening],
		contactRoles: ['受付'],
		faxRate: 0.7,
		webRate: 0.5,
		buildingRate: 0.3,
		accessibility: MEDICAL_ACCESS,
		events: [
			event('健康講座「血圧と上手につきあう」', 'けんこうこうざ けつあつとじょうずにつきあう', {
				description: '医師が高血圧の予防と毎日の血圧測定のこつをお話しします。',
				minutes: 60,
				fees: ['無料'],
				capacity: [20, 40],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'hospital',
		field: '医療',
		terms: ['hospital'],
		weight: 1.2,
		operators: [MEDICAL_CORP],
		names: [(c) => [c.brand, w('病院')], (c) => [c.district, w('中央病院')], (c) => [w('高知'), c.brand, w('病院')], (c) => [c.brand, w('記念病院')]],
		targets: ['誰でも'],
		tags: [],
		extraTags: ['介護の相談'],
		leads: ['入院・外来に対応する病院です。', '内科・整形外科・リハビリテーション科などを備えた地域の病院です。'],
		details: ['地域連携室で、退院後の暮らしや介護の相談に応じます。', '紹介状をお持ちの方は受付でお出しください。', '時間外の急病は救急外来へお電話ください。'],
		fees: ['健康保険が使えます（自己負担あり）'],
		eligibility: ['どなたでも受診できます'],
		howToApply: ['外来は直接受付へ。初診の方は紹介状をお持ちください'],
		hours: [HOURS.hospital],
		contactRoles: ['代表', '地域連携室'],
		faxRate: 0.9,
		webRate: 0.9,
		accessibility: MEDICAL_ACCESS
	}),
	kind({
		key: 'dental',
		field: '医療',
		terms: ['dental'],
		weight: 6,
		operators: [MEDICAL_CORP],
		names: [
			(c) => [c.brand, w('歯科')],
			(c) => [c.brand, w('歯科医院')],
			(c) => [c.brand, w('歯科クリニック')],
			(c) => [c.brand, w('デンタルオフィス')],
			(c) => [c.brand, w('ファミリー歯科')],
			(c) => [c.district, w('デンタルクリニック')],
			(c) => [asKana(c.district), w('こども歯科')]
		],
		targets: ['誰でも'],
		tags: [],
		extraTags: ['健康づくり'],
		leads: ['むし歯・歯周病の治療から予防まで行う歯科医院です。', '小さなお子さんから高齢の方まで、家族で通える歯科です。'],
		details: ['訪問歯科診療に対応しています。', '入れ歯の調整や口腔ケアの相談に応じます。', 'キッズスペースがあります。'],
		fees: ['健康保険が使えます（自己負担あり）'],
		eligibility: ['どなたでも受診できます'],
		howToApply: ['電話で予約してください'],
		hours: [HOURS.dental],
		contactRoles: ['受付'],
		faxRate: 0.3,
		webRate: 0.5,
		buildingRate: 0.3,
		accessibility: MEDICAL_ACCESS
	}),
	kind({
		key: 'home-nursing',
		field: '医療',
		terms: ['home-nursing'],
		weight: 2,
		operators: [MEDICAL_CORP, COMPANY],
		names: [
			(c) => [w('訪問看護ステーション'), SPACE, c.brand],
			(c) => [c.brand, w('訪問看護ステーション')],
			(c) => [w('訪問看護ステーション'), SPACE, c.brand, SPACE, c.district]
		],
		targets: ['高齢者', '障害のある人'],
		extraTargets: ['子ども・子育て世帯'],
		tags: ['介護の相談'],
		extraTags: ['見守り'],
		leads: ['看護師がご自宅を訪問し、療養生活を支えます。', '医師の指示のもと、看護師がご自宅で医療的ケアやリハビリを行います。'],
		details: ['24時間の連絡体制をとっています。', '小児の訪問看護にも対応しています。', 'ご家族の介護の相談にも応じます。'],
		fees: ['医療保険または介護保険の自己負担'],
		eligibility: ['主治医が訪問看護を必要と認めた方'],
		howToApply: ['主治医またはケアマネジャーにご相談ください', 'まずは電話でご相談ください'],
		hours: [HOURS.allDay, HOURS.office],
		contactRoles: ['事務所', '24時間連絡先'],
		faxRate: 0.8,
		accessibility: []
	}),
	// ------------------------------------------------------------ 介護
	kind({
		key: 'care-center',
		field: '介護',
		terms: ['care-center'],
		weight: 0,
		operators: [CITY],
		names: [(c) => [w('高知市'), c.district, w('高齢者支援センター')]],
		targets: ['高齢者'],
		tags: ['介護の相談'],
		extraTags: ['見守り', 'お金の相談', 'なんでも相談'],
		leads: ['高齢の方の介護・健康・暮らしの相談を無料で受ける地域包括支援センターです。'],
		details: [
			'介護保険の申請や、介護予防のケアプラン作成を行います。',
			'認知症の相談や、消費者被害・虐待などの権利擁護の相談にも応じます。',
			'ご家族や近所の方からの相談もどうぞ。'
		],
		fees: ['無料'],
		eligibility: ['担当地区にお住まいの65歳以上の方とその家族'],
		howToApply: ['電話または窓口でご相談ください。ご自宅に伺うこともできます'],
		hours: [HOURS.office],
		contactRoles: ['相談窓口'],
		faxRate: 1,
		webRate: 0.5,
		accessibility: BARRIER_FREE,
		events: [
			CARE_CAFE,
			event('介護者のつどい', 'かいごしゃのつどい', {
				description: '家族を介護している方同士で、日頃の思いを話し合う集まりです。',
				minutes: 90,
				fees: ['無料'],
				capacity: [10, 15],
				howToApply: BY_PHONE
			}),
			event('認知症サポーター養成講座', 'にんちしょうさぽーたーようせいこうざ', {
				description: '認知症を正しく理解し、地域で見守る「認知症サポーター」になるための講座です。',
				minutes: 90,
				fees: ['無料'],
				capacity: [20, 40],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'care-management',
		field: '介護',
		terms: ['care-management'],
		weight: 4,
		operators: [WELFARE_CORP, COMPANY, MEDICAL_CORP],
		names: [
			(c) => [w('居宅介護支援事業所'), SPACE, c.brand],
			(c) => [c.brand, w('ケアプランセンター')],
			(c) => [w('ケアプラン'), c.brand],
			(c) => [c.brand, w('介護相談センター')],
			(c) => [c.brand, w('ケアプランセンター'), SPACE, c.district]
		],
		targets: ['高齢者'],
		tags: ['介護の相談'],
		leads: ['ケアマネジャーが介護サービスの計画（ケアプラン）を作り、事業者との調整を行います。'],
		details: ['要介護認定の申請代行も行います。', 'ご自宅に伺って相談をお受けします。', '介護と仕事の両立の相談もどうぞ。'],
		fees: ['無料（介護保険から全額給付）'],
		eligibility: ['要介護1〜5の認定を受けた方とその家族'],
		howToApply: ['電話でご相談ください。ご自宅に伺います'],
		hours: [HOURS.office, HOURS.officeWithSaturday],
		sharesSite: true,
		contactRoles: ['事務所'],
		faxRate: 0.9,
		buildingRate: 0.2,
		accessibility: []
	}),
	kind({
		key: 'day-service',
		field: '介護',
		terms: ['day-service'],
		weight: 6,
		operators: [WELFARE_CORP, WELFARE_CORP, COMPANY, MEDICAL_CORP],
		names: [
			(c) => [w('デイサービス'), c.brand],
			(c) => [c.brand, w('デイサービスセンター')],
			(c) => [w('デイサービスセンター'), SPACE, c.brand],
			(c) => [c.brand, w('デイサービス'), SPACE, c.district]
		],
		targets: ['高齢者'],
		tags: [],
		extraTags: ['居場所', '健康づくり', '食事の提供'],
		leads: ['日帰りで入浴・食事・機能訓練などを行う通所介護です。', '家庭的な雰囲気の小規模なデイサービスです。'],
		details: ['ご自宅から送迎します。', '季節の行事や手作りのおやつを楽しめます。', '理学療法士による個別の機能訓練を行っています。', '見学・体験利用ができます。'],
		fees: [`${CARE_INSURANCE}＋食費・おやつ代`],
		eligibility: ['要支援・要介護の認定を受けた方'],
		howToApply: [ASK_CARE_MANAGER_OR_VISIT],
		hours: [HOURS.dayCare],
		sharesSite: true,
		contactRoles: ['事業所', '生活相談員'],
		faxRate: 0.9,
		accessibility: BARRIER_FREE,
		events: [CARE_CAFE, CARE_CLASS, FACILITY_TOUR]
	}),
	kind({
		key: 'home-help',
		field: '介護',
		terms: ['home-help'],
		weight: 4,
		operators: [COMPANY, WELFARE_CORP, NPO_CORP],
		names: [
			(c) => [w('ヘルパーステーション'), SPACE, c.brand],
			(c) => [c.brand, w('訪問介護事業所')],
			(c) => [c.brand, w('ケアサービス')],
			(c) => [c.brand, w('ケアセンター'), SPACE, c.district]
		],
		targets: ['高齢者'],
		extraTargets: ['障害のある人'],
		tags: [],
		extraTags: ['掃除', '買い物代行', '通院の付き添い'],
		leads: ['ホームヘルパーがご自宅を訪問し、入浴・食事などの身体介護や、掃除・買い物などの生活援助を行います。'],
		details: ['早朝・夜間の訪問にも対応します。', '障害福祉サービスの居宅介護も行っています。', '通院の付き添いの相談に応じます。'],
		fees: [CARE_INSURANCE],
		eligibility: ['要支援・要介護の認定を受けた方'],
		howToApply: [ASK_CARE_MANAGER],
		hours: [HOURS.officeWithSaturday],
		contactRoles: ['事務所', 'サービス提供責任者'],
		faxRate: 0.8,
		buildingRate: 0.2,
		accessibility: []
	}),
	kind({
		key: 'night-home-help',
		field: '介護',
		terms: ['home-help'],
		weight: 0.3,
		operators: [COMPANY, WELFARE_CORP],
		names: [(c) => [w('夜間対応型訪問介護'), SPACE, c.brand]],
		targets: ['高齢者'],
		tags: ['見守り'],
		leads: ['夜間に定期的に巡回し、呼び出しがあればヘルパーが駆けつける訪問介護です。'],
		details: ['夜間のおむつ交換や体位交換に対応します。', '緊急通報の端末をお貸しします。'],
		fees: [CARE_INSURANCE],
		eligibility: ['要介護1〜5の認定を受けた方'],
		howToApply: [ASK_CARE_MANAGER],
		hours: [HOURS.overnight],
		contactRoles: ['夜間受付'],
		faxRate: 0.5,
		accessibility: []
	}),
	kind({
		key: 'short-stay',
		field: '介護',
		terms: ['short-stay'],
		weight: 1.5,
		operators: [WELFARE_CORP],
		names: [(c) => [w('ショートステイ'), SPACE, c.brand], (c) => [c.brand, w('ショートステイ')]],
		targets: ['高齢者'],
		tags: ['介護の相談'],
		leads: ['数日から1週間ほど施設に泊まって介護を受けられる、短期入所生活介護です。'],
		details: ['ご家族の休息や冠婚葬祭のときにご利用ください。', '送迎があります。', '急な受け入れもご相談ください。'],
		fees: [`${CARE_INSURANCE}＋食費・滞在費`],
		eligibility: ['要支援・要介護の認定を受けた方'],
		howToApply: [ASK_CARE_MANAGER_OR_VISIT],
		hours: [HOURS.allDay],
		sharesSite: true,
		contactRoles: ['生活相談員'],
		faxRate: 0.9,
		accessibility: BARRIER_FREE,
		events: [FACILITY_TOUR]
	}),
	kind({
		key: 'nursing-home',
		field: '介護',
		terms: ['nursing-home', 'short-stay'],
		weight: 1.5,
		operators: [WELFARE_CORP],
		names: [
			(c) => [w('特別養護老人ホーム'), SPACE, c.brand, w('荘')],
			(c) => [w('特別養護老人ホーム'), SPACE, c.brand, w('苑')],
			(c) => [w('特別養護老人ホーム'), SPACE, c.brand, w('の里')]
		],
		targets: ['高齢者'],
		tags: ['介護の相談'],
		leads: ['常に介護が必要な方が暮らす特別養護老人ホームです。', '個室ユニット型の特別養護老人ホームです。'],
		details: ['短期入所（ショートステイ）も併設しています。', '地域交流スペースを開放しています。', '看取りまで対応します。'],
		fees: [`${CARE_INSURANCE}＋食費・居住費`],
		eligibility: ['原則として要介護3以上の方'],
		howToApply: ['電話でお問い合わせのうえ、入所申込書を提出してください'],
		hours: [HOURS.allDay],
		sharesSite: true,
		contactRoles: ['生活相談員', '代表'],
		faxRate: 1,
		webRate: 0.7,
		accessibility: BARRIER_FREE,
		events: [CARE_CAFE, CARE_CLASS, FACILITY_TOUR]
	}),
	kind({
		key: 'group-home',
		field: '介護',
		terms: ['group-home'],
		weight: 2,
		operators: [COMPANY, WELFARE_CORP, MEDICAL_CORP],
		names: [
			(c) => [w('グループホーム'), SPACE, c.brand],
			(c) => [w('グループホーム'), SPACE, c.brand, w('の家')],
			(c) => [w('グループホーム'), SPACE, c.brand, SPACE, c.district]
		],
		targets: ['高齢者'],
		tags: [],
		extraTags: ['見守り'],
		leads: ['認知症の方が少人数で共同生活を送るグループホームです。'],
		details: ['家事を分担しながら、なじみの関係の中で暮らします。', '地域の行事にも参加しています。'],
		fees: [`${CARE_INSURANCE}＋家賃・食費`],
		eligibility: ['要支援2以上で認知症の診断を受けた、市内にお住まいの方'],
		howToApply: ['電話でお問い合わせください。見学できます'],
		hours: [HOURS.allDay],
		sharesSite: true,
		contactRoles: ['管理者'],
		accessibility: BARRIER_FREE
	}),
	// ------------------------------------------------------------ 障害
	kind({
		key: 'disability-consult',
		field: '障害',
		terms: ['disability-consult'],
		weight: 2,
		operators: [WELFARE_CORP, NPO_CORP],
		names: [
			(c) => [w('相談支援事業所'), SPACE, c.brand],
			(c) => [w('相談支援事業所'), SPACE, c.brand, SPACE, c.district],
			(c) => [c.district, w('障害者相談支援センター')]
		],
		targets: ['障害のある人'],
		tags: [],
		extraTags: ['お金の相談', '仕事の相談'],
		leads: ['障害のある方の暮らしや、福祉サービスの利用について相談に応じます。'],
		details: ['サービス等利用計画を作成します。', 'ご家族からの相談もお受けします。', '精神障害・発達障害の相談にも対応します。'],
		fees: ['無料'],
		eligibility: ['障害のある方とその家族'],
		howToApply: ['電話でご相談ください。訪問もできます'],
		hours: [HOURS.office],
		contactRoles: ['相談窓口'],
		faxRate: 0.8,
		buildingRate: 0.2,
		accessibility: BARRIER_FREE
	}),
	kind({
		key: 'employment-support',
		field: '障害',
		terms: ['employment-support'],
		weight: 3,
		operators: [NPO_CORP, WELFARE_CORP, COMPANY],
		names: [
			(c) => [w('就労継続支援B型事業所'), SPACE, c.brand],
			(c) => [c.brand, w('作業所')],
			(c) => [c.brand, w('ワークス')],
			(c) => [w('就労移行支援事業所'), SPACE, c.brand],
			(c) => [c.brand, w('ワークス'), SPACE, c.district]
		],
		targets: ['障害のある人'],
		tags: ['仕事の相談'],
		extraTags: ['居場所'],
		leads: ['障害のある方が、自分のペースで働きながら力をつける場です。'],
		details: ['軽作業・お菓子づくり・農作業などの仕事があります。', '工賃をお支払いします。', '一般就労に向けた職業訓練も行います。', '見学・体験ができます。'],
		fees: ['障害福祉サービスの利用者負担（所得に応じた上限あり）'],
		eligibility: ['障害福祉サービス受給者証をお持ちの方（申請中の方もご相談ください）'],
		howToApply: ['電話で見学を申し込んでください'],
		hours: [HOURS.workshop],
		contactRoles: ['事業所'],
		buildingRate: 0.2,
		accessibility: BARRIER_FREE,
		events: [
			event('ふれあい販売会', 'ふれあいはんばいかい', {
				description: '利用者が作ったお菓子や雑貨、野菜を販売します。',
				minutes: 180,
				fees: ['入場無料'],
				capacity: null,
				howToApply: DROP_IN
			}),
			event('事業所見学会', 'じぎょうしょけんがくかい', {
				description: '作業の様子を見学し、利用の流れについて説明を受けられます。',
				minutes: 60,
				fees: ['無料'],
				capacity: [5, 10],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'life-care',
		field: '障害',
		terms: ['life-care'],
		weight: 1.5,
		operators: [WELFARE_CORP],
		names: [(c) => [w('生活介護事業所'), SPACE, c.brand]],
		targets: ['障害のある人'],
		tags: ['居場所'],
		extraTags: ['食事の提供'],
		leads: ['常に介護が必要な障害のある方に、日中の入浴・食事の介助や創作活動の場を提供します。'],
		details: ['送迎があります。', '音楽や散歩などの活動を行っています。'],
		fees: ['障害福祉サービスの利用者負担（所得に応じた上限あり）'],
		eligibility: ['障害支援区分3以上の方（50歳以上は区分2以上）'],
		howToApply: ['相談支援専門員または事業所にご相談ください'],
		hours: [HOURS.workshop],
		sharesSite: true,
		contactRoles: ['事業所'],
		accessibility: BARRIER_FREE
	}),
	kind({
		key: 'child-development',
		field: '障害',
		terms: ['child-development'],
		weight: 3,
		operators: [COMPANY, NPO_CORP, WELFARE_CORP],
		names: [
			(c) => [w('放課後等デイサービス'), SPACE, c.brand],
			(c) => [w('放課後等デイサービス'), SPACE, c.brand, SPACE, c.district],
			(c) => [w('児童発達支援'), SPACE, c.brand, w('キッズ')]
		],
		targets: ['障害のある人', '子ども・子育て世帯'],
		tags: ['子育ての相談'],
		extraTags: ['居場所'],
		leads: ['発達に特性のあるお子さんの療育を行う事業所です。'],
		details: ['小集団での遊びを通して、コミュニケーションの力を育てます。', '学校や幼稚園への送迎があります。', '保護者の相談にも応じます。'],
		fees: ['障害児通所支援の利用者負担（所得に応じた上限あり、3〜5歳児は無償）'],
		eligibility: ['通所受給者証をお持ちのお子さん'],
		howToApply: ['電話で見学を申し込んでください'],
		hours: [HOURS.childDevelopment],
		contactRoles: ['事業所'],
		buildingRate: 0.2,
		accessibility: [...CHILD_ACCESS, '段差なし']
	}),
	// ------------------------------------------------------------ 子育て
	kind({
		key: 'childcare-hub',
		field: '子育て',
		terms: ['childcare-hub'],
		weight: 1.5,
		operators: [WELFARE_CORP, NPO_CORP],
		names: [(c) => [w('地域子育て支援センター'), SPACE, c.brand], (c) => [w('子育てひろば'), SPACE, c.brand]],
		targets: ['子ども・子育て世帯'],
		tags: ['子育ての相談', '居場所'],
		extraTags: ['一時預かり'],
		leads: ['0歳から就学前のお子さんと保護者が、自由に遊び、交流できる場です。'],
		details: ['保育士に子育ての相談ができます。', '手遊びや絵本の読み聞かせの時間があります。', '誕生会など季節の行事を行います。', '初めての方も予約なしで利用できます。'],
		fees: ['無料'],
		eligibility: ['0歳から就学前のお子さんと保護者'],
		howToApply: ['直接お越しください'],
		hours: [HOURS.childcareHub],
		contactRoles: ['ひろば'],
		faxRate: 0.4,
		accessibility: CHILD_ACCESS,
		events: [
			event('子育てひろば 親子リトミック', 'こそだてひろば おやこりとみっく', {
				description: 'ピアノに合わせて親子で体を動かします。動きやすい服装でどうぞ。',
				minutes: 45,
				fees: ['無料'],
				capacity: [8, 15],
				howToApply: BY_PHONE
			}),
			event('ベビーマッサージ講座', 'べびーまっさーじこうざ', {
				description: '助産師と一緒に、赤ちゃんとのふれあい方を学びます。バスタオルをお持ちください。',
				minutes: 60,
				fees: ['300円（オイル代）'],
				capacity: [6, 10],
				howToApply: BY_PHONE
			}),
			event('離乳食教室', 'りにゅうしょくきょうしつ', {
				description: '栄養士が離乳食の進め方と簡単な作り方をお話しします。',
				minutes: 60,
				fees: ['無料'],
				capacity: [8, 12],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'family-support',
		field: '子育て',
		terms: ['family-support'],
		weight: 0,
		operators: [CITY_COUNCIL],
		names: [() => [w('高知市'), w('ファミリー・サポート・センター')]],
		targets: ['子ども・子育て世帯'],
		tags: ['一時預かり', '子育ての相談'],
		leads: ['子育ての手助けをしてほしい人（おねがい会員）と手助けしたい人（まかせて会員）をつなぐ、会員制の助け合い活動です。'],
		details: ['保育所の送迎や、短時間の預かりを頼めます。', 'まかせて会員になるには講習会の受講が必要です。'],
		fees: ['1時間700円（早朝・夜間・土日祝は800円）'],
		eligibility: ['市内にお住まいか勤務している、生後3か月から小学6年生までのお子さんのいる方'],
		howToApply: ['センターで会員登録をしてから、援助を依頼してください'],
		hours: [HOURS.office],
		contactRoles: ['事務局'],
		faxRate: 1,
		webRate: 1,
		accessibility: BARRIER_FREE,
		events: [
			event('まかせて会員 講習会', 'まかせてかいいん こうしゅうかい', {
				description: '子どもを預かる会員になるための講習会です（全4回）。',
				minutes: 180,
				fees: ['無料'],
				capacity: [15, 30],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'nursery',
		field: '子育て',
		terms: ['nursery', 'temporary-care'],
		weight: 4,
		operators: [WELFARE_CORP, WELFARE_CORP, CITY],
		names: [
			(c) => [c.brand, w('保育園')],
			(c) => [w('認定こども園'), SPACE, c.brand],
			(c) => [c.brand, w('こども園')],
			(c) => [c.district, w('保育所')],
			(c) => [c.school, w('保育園')]
		],
		targets: ['子ども・子育て世帯'],
		tags: [],
		extraTags: ['一時預かり', '子育ての相談'],
		leads: ['0歳から就学前のお子さんをお預かりする保育施設です。'],
		details: ['一時預かりも行っています（要予約）。', '園庭開放の日には、地域の親子も遊びに来られます。', '給食は園内の調理室で手作りしています。', '延長保育があります。'],
		fees: ['保育料は世帯の所得に応じて市が決定（3〜5歳児は無償）'],
		eligibility: ['保育の必要性の認定を受けたお子さん'],
		howToApply: ['市役所の担当窓口で入園を申し込んでください。見学は園へお電話を'],
		hours: [HOURS.nursery],
		contactRoles: ['園'],
		faxRate: 0.8,
		accessibility: CHILD_ACCESS
	}),
	kind({
		key: 'temporary-care',
		field: '子育て',
		terms: ['temporary-care'],
		weight: 0.5,
		operators: [WELFARE_CORP, NPO_CORP],
		names: [(c) => [c.brand, w('一時預かり室')], (c) => [w('一時預かり'), SPACE, c.brand]],
		targets: ['子ども・子育て世帯'],
		tags: ['一時預かり'],
		leads: ['保護者の通院や用事、リフレッシュのときに、お子さんを一時的にお預かりします。'],
		details: ['理由を問わず利用できます。', '前日までに予約してください。'],
		fees: ['1日2,000円・半日1,000円（給食費別）'],
		eligibility: ['生後6か月から就学前のお子さん'],
		howToApply: ['電話で予約してください（初回は面談があります）'],
		hours: [HOURS.dayCare],
		contactRoles: ['受付'],
		accessibility: CHILD_ACCESS
	}),
	kind({
		key: 'after-school',
		field: '子育て',
		terms: ['after-school'],
		weight: 3,
		operators: [CITY, NPO_CORP, VOLUNTARY_GROUP],
		names: [(c) => [c.school, w('放課後児童クラブ')], (c) => [c.school, w('放課後児童クラブ'), SPACE, c.brand, w('ルーム')]],
		targets: ['子ども・子育て世帯'],
		tags: ['居場所'],
		leads: ['放課後や長期休みに、保護者が働いている家庭の小学生が過ごす場所です。'],
		details: ['宿題の時間や外遊びの時間があります。', '夏休みなどは朝から開所します。', 'おやつを用意しています。'],
		fees: ['月額5,000円（おやつ代別）'],
		eligibility: ['保護者が仕事などで放課後家庭にいない小学生'],
		howToApply: ['市役所の担当窓口またはクラブで申し込んでください'],
		hours: [HOURS.afterSchool],
		contactRoles: ['クラブ'],
		faxRate: 0.2,
		webRate: 0.1,
		accessibility: []
	}),
	kind({
		key: 'child-consult',
		field: '子育て',
		terms: ['child-consult'],
		weight: 0.8,
		operators: [NPO_CORP, CITY],
		names: [(c) => [w('子育て相談室'), SPACE, c.brand]],
		targets: ['子ども・子育て世帯'],
		tags: ['子育ての相談'],
		extraTags: ['お金の相談'],
		leads: ['子育ての悩みや不安を、保健師や保育士などに相談できる窓口です。'],
		details: ['電話での相談もできます。', '名前を言わずに相談できます。', '必要に応じて専門の機関を紹介します。'],
		fees: ['無料'],
		eligibility: ['子育て中の方、これから親になる方'],
		howToApply: ['電話または窓口でご相談ください'],
		hours: [HOURS.office],
		contactRoles: ['相談専用'],
		faxRate: 0.3,
		accessibility: CHILD_ACCESS
	}),
	// ------------------------------------------------------------ 地域資源
	kind({
		key: 'salon',
		field: '地域資源',
		terms: ['salon'],
		weight: 6,
		operators: [VOLUNTARY_GROUP, VOLUNTARY_GROUP, NEIGHBOURHOOD],
		names: [
			(c) => [w('ふれあいサロン'), SPACE, c.district],
			(c) => [c.district, c.hiraganaBrand, w('サロン')],
			(c) => [w('いきいきサロン'), SPACE, c.brand],
			(c) => [c.brand, w('サロン')],
			(c) => [w('サロン'), SPACE, c.brand],
			(c) => [c.school, w('地区'), w('ふれあいサロン')]
		],
		targets: ['高齢者'],
		extraTargets: ['誰でも'],
		tags: ['居場所', '話し相手'],
		extraTags: ['健康づくり', '見守り'],
		leads: ['地域の人が集まって、お茶を飲みながらおしゃべりを楽しむサロンです。', '{district}地区の住民が運営する通いの場です。'],
		details: ['体操や脳トレ、季節の手作りなどをしています。', '一人暮らしの方の見守りも兼ねています。', '初めての方も気軽にどうぞ。', '送迎が必要な方はご相談ください。'],
		fees: ['1回100円（お茶代）', '無料', '月300円'],
		eligibility: ['{district}地区にお住まいの方ならどなたでも'],
		howToApply: [DROP_IN, '初めての方は事務局へ電話でお問い合わせください'],
		sessions: SALON_SESSIONS,
		venue: 'community',
		contactRoles: ['事務局', '世話人'],
		faxRate: 0.1,
		webRate: 0.05,
		accessibility: HALL_ACCESS,
		events: [
			event('サロン クリスマス会', 'さろん くりすますかい', {
				description: '歌やゲームを楽しみ、手作りのケーキをいただきます。',
				minutes: 120,
				fees: ['300円（おやつ代）'],
				capacity: [20, 30],
				howToApply: BY_PHONE
			}),
			event('新春お茶会', 'しんしゅんおちゃかい', {
				description: 'お抹茶と和菓子で新年をお祝いします。',
				minutes: 90,
				fees: ['200円'],
				capacity: null,
				howToApply: DROP_IN
			}),
			event('ひなまつり茶話会', 'ひなまつりさわかい', {
				description: 'ひな人形を飾って、お茶とおしゃべりを楽しみます。',
				minutes: 90,
				fees: ['100円'],
				capacity: null,
				howToApply: DROP_IN
			})
		]
	}),
	kind({
		key: 'hyakusai-taiso',
		field: '地域資源',
		terms: ['hyakusai-taiso'],
		weight: 5,
		operators: [VOLUNTARY_GROUP, VOLUNTARY_GROUP, NEIGHBOURHOOD],
		names: [
			(c) => [c.district, w('いきいき百歳体操の会')],
			(c) => [c.brand, w('百歳体操クラブ')],
			(c) => [w('いきいき百歳体操'), SPACE, c.brand, w('の会')],
			(c) => [c.district, c.hiraganaBrand, w('百歳体操の会')],
			(c) => [c.school, w('いきいき百歳体操の会')]
		],
		targets: ['高齢者'],
		tags: ['健康づくり'],
		extraTags: ['居場所', '見守り'],
		leads: ['おもりを使った「いきいき百歳体操」を、みんなで続けている会です。', '高知市で生まれた「いきいき百歳体操」に取り組む住民グループです。'],
		details: ['椅子に座ってできるので、体力に自信のない方も参加できます。', '体操のあとはお茶を飲みながら交流しています。', '3か月ごとに体力測定をしています。', 'かみかみ百歳体操（口の体操）も行っています。'],
		fees: ['無料', '1回100円（お茶代）'],
		eligibility: ['おおむね65歳以上の方（体操は椅子に座ってできます）'],
		howToApply: [DROP_IN, '初めての方は事務局へ電話でお問い合わせください'],
		sessions: TAISO_SESSIONS,
		venue: 'community',
		contactRoles: ['事務局', '世話人'],
		faxRate: 0.05,
		webRate: 0.02,
		accessibility: HALL_ACCESS,
		events: [
			event('百歳体操 体力測定会', 'ひゃくさいたいそう たいりょくそくていかい', {
				description: '握力や歩く速さを測り、体操の効果を確かめます。動きやすい服装でどうぞ。',
				minutes: 90,
				fees: ['無料'],
				capacity: [15, 30],
				howToApply: DROP_IN
			}),
			event('いきいき百歳体操 交流大会', 'いきいきひゃくさいたいそう こうりゅうたいかい', {
				description: '地区の体操グループが集まり、日頃の成果を発表します。',
				minutes: 120,
				fees: ['無料'],
				capacity: null,
				howToApply: DROP_IN
			}),
			event('かみかみ百歳体操 体験会', 'かみかみひゃくさいたいそう たいけんかい', {
				description: 'かむ力・飲み込む力を保つ口の体操を、歯科衛生士と一緒に体験します。',
				minutes: 60,
				fees: ['無料'],
				capacity: [15, 25],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'kodomo-shokudo',
		field: '地域資源',
		terms: ['kodomo-shokudo'],
		weight: 1.5,
		operators: [NPO_CORP, VOLUNTARY_GROUP],
		names: [
			(c) => [w('こうち子ども食堂'), SPACE, c.district],
			(c) => [c.brand, w('子ども食堂')],
			(c) => [c.district, w('みんなの食堂')],
			(c) => [w('地域食堂'), SPACE, c.brand],
			(c) => [c.district, c.hiraganaBrand, w('子ども食堂')]
		],
		targets: ['子ども・子育て世帯'],
		extraTargets: ['誰でも'],
		tags: ['食事の提供', '居場所'],
		extraTags: ['子育ての相談'],
		leads: ['子どもが一人でも安心して来られる、温かいごはんの食堂です。', '子どもから高齢の方まで、誰でも一緒にごはんを食べられる地域食堂です。'],
		details: ['食後は宿題をしたり遊んだりして過ごせます。', '食材の寄付を受け付けています。', 'ボランティアを募集しています。', '食品の無料配布（フードパントリー）も行っています。'],
		fees: ['子ども無料・大人300円', '子ども100円・大人300円', '子ども無料・大人200円'],
		eligibility: ['子どもはどなたでも。保護者や地域の大人も歓迎します'],
		howToApply: ['前日までに電話で予約してください', DROP_IN],
		sessions: SHOKUDO_SESSIONS,
		venue: 'community',
		contactRoles: ['事務局'],
		faxRate: 0.1,
		webRate: 0.3,
		accessibility: HALL_ACCESS,
		events: [
			event('クリスマスこども食堂', 'くりすますこどもしょくどう', {
				description: 'みんなでクリスマスのごちそうを囲みます。',
				minutes: 120,
				fees: ['子ども無料・大人300円'],
				capacity: [30, 50],
				howToApply: BY_PHONE
			}),
			event('みんなで餅つき', 'みんなでもちつき', {
				description: '地域の方と一緒に餅をつき、つきたてのお餅を味わいます。',
				minutes: 150,
				fees: ['無料'],
				capacity: null,
				howToApply: DROP_IN
			}),
			event('親子クッキング', 'おやこくっきんぐ', {
				description: '親子で旬の野菜を使った料理を作ります。エプロンをお持ちください。',
				minutes: 120,
				fees: ['1組500円'],
				capacity: [8, 12],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'visit-support-b',
		field: '地域資源',
		terms: ['visit-support-b'],
		weight: 1.5,
		operators: [VOLUNTARY_GROUP, NPO_CORP],
		names: [
			(c) => [c.district, w('支え合いの会')],
			(c) => [c.district, w('お助け隊')],
			(c) => [w('生活支援サービス'), SPACE, c.brand],
			(c) => [c.brand, w('お助け隊')],
			(c) => [c.district, c.hiraganaBrand, w('お助け隊')]
		],
		targets: ['高齢者'],
		extraTargets: ['障害のある人'],
		tags: ['ゴミ出し支援', '電球交換'],
		extraTags: ['草抜き', '買い物代行', '掃除', '見守り'],
		leads: ['住民同士の支え合いで、ゴミ出しや電球交換など日常のちょっとした困りごとを手伝う訪問型サービスBです。'],
		details: ['草抜きや買い物の代行もお手伝いします。', '作業は地域のボランティアが行います。', '1回30分程度の作業が目安です。', '手伝いたい方も会員として募集しています。'],
		fees: ['30分200円', '1回300円', '年会費1,000円＋1時間500円'],
		eligibility: ['{district}地区にお住まいで、日常のちょっとした困りごとがある高齢の方'],
		howToApply: ['事務局へ電話で依頼してください（利用会員の登録が必要です）'],
		hours: [HOURS.reception],
		venue: 'community',
		contactRoles: ['事務局'],
		faxRate: 0.2,
		webRate: 0.1,
		accessibility: [],
		events: [
			event('支え合いボランティア養成講座', 'ささえあいぼらんてぃあようせいこうざ', {
				description: 'ゴミ出しや電球交換などの手伝いを始めたい方のための講座です。',
				minutes: 120,
				fees: ['無料'],
				capacity: [15, 30],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'day-support-b',
		field: '地域資源',
		terms: ['day-support-b'],
		weight: 1.2,
		operators: [VOLUNTARY_GROUP, NPO_CORP],
		names: [
			(c) => [c.district, w('元気クラブ')],
			(c) => [w('通所型サービスB'), SPACE, c.brand],
			(c) => [c.brand, w('元気クラブ')],
			(c) => [c.district, c.hiraganaBrand, w('元気クラブ')]
		],
		targets: ['高齢者'],
		tags: ['健康づくり', '居場所'],
		extraTags: ['話し相手', '食事の提供'],
		leads: ['住民ボランティアが運営する、体操や趣味活動を楽しむ通いの場（通所型サービスB）です。'],
		details: ['昼食を一緒に作って食べる日もあります。', '送迎についてはご相談ください。', '手芸・囲碁・カラオケなどを楽しんでいます。'],
		fees: ['1回300円（昼食代込み）', '1回100円'],
		eligibility: ['要支援の方、基本チェックリストで事業対象者となった方'],
		howToApply: ['高齢者支援センターまたは事務局にご相談ください'],
		sessions: DAY_SUPPORT_SESSIONS,
		venue: 'community',
		contactRoles: ['事務局'],
		faxRate: 0.1,
		webRate: 0.05,
		accessibility: HALL_ACCESS,
		events: [
			event('元気アップ体操教室', 'げんきあっぷたいそうきょうしつ', {
				description: '理学療法士が、転ばないための体操を教えます。',
				minutes: 90,
				fees: ['無料'],
				capacity: [15, 25],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'mobility-shopping',
		field: '地域資源',
		terms: ['mobility-shopping'],
		weight: 0.6,
		operators: [COMPANY, NPO_CORP, NEIGHBOURHOOD],
		names: [(c) => [c.district, w('買い物支援バス')], (c) => [w('移動販売'), SPACE, c.brand, w('号')]],
		targets: ['高齢者'],
		tags: ['買い物代行'],
		extraTags: ['通院の付き添い', '見守り'],
		leads: ['お店まで出かけにくい方のための買い物支援です。'],
		details: ['決まった曜日に地区内を回ります。', '重い荷物は玄関まで運びます。', '通院の帰りの乗車もご相談ください。'],
		fees: ['無料（商品代は実費）', '1回100円'],
		eligibility: ['{district}地区にお住まいの方'],
		howToApply: ['初回は電話で登録してください'],
		sessions: MOBILE_SHOP_SESSIONS,
		contactRoles: ['事務所'],
		faxRate: 0.3,
		accessibility: []
	}),
	kind({
		key: 'neighbourhood-desk',
		field: '地域資源',
		terms: ['consultation-desk'],
		weight: 0.3,
		operators: [VOLUNTARY_GROUP, NPO_CORP],
		names: [(c) => [w('まちかど相談室'), SPACE, c.brand], (c) => [c.district, w('なんでも相談窓口')]],
		targets: ['誰でも'],
		tags: ['なんでも相談', '話し相手'],
		leads: ['空き店舗を活用した、どんな困りごとでも受け止める住民の相談窓口です。', '集会所で開く、住民による「なんでも相談窓口」です。'],
		details: ['相談の内容に応じて、適切な相談先につなぎます。', 'お茶を飲みながら気軽に話せます。'],
		fees: ['無料'],
		eligibility: ['どなたでも'],
		howToApply: [DROP_IN],
		sessions: DESK_SESSIONS,
		venue: 'community',
		contactRoles: ['事務局'],
		faxRate: 0,
		webRate: 0.05,
		accessibility: HALL_ACCESS
	}),
	kind({
		key: 'community-center',
		field: '地域資源',
		terms: ['community-center'],
		weight: 0.6,
		operators: [CITY, NEIGHBOURHOOD],
		names: [
			(c) => [c.district, w('ふれあいセンター')],
			(c) => [c.district, w('公民館')],
			(c) => [c.district, w('地区'), w('福祉会館')],
			(c) => [c.school, w('地区'), w('ふれあいセンター')],
			(c) => [c.school, w('公民館')]
		],
		targets: ['誰でも'],
		tags: ['居場所'],
		leads: ['地域の集まりや講座に使える、{district}地区の拠点施設です。'],
		details: ['サロンや百歳体操の会場にもなっています。', '災害時は避難所になります。', '部屋の貸し出しを行っています（予約制）。'],
		fees: ['部屋の利用は有料（1時間200円から）', '無料'],
		eligibility: ['どなたでも'],
		howToApply: ['部屋の利用は窓口または電話で予約してください'],
		hours: [HOURS.communityHall, HOURS.officeWithSaturday],
		contactRoles: ['管理事務所'],
		faxRate: 0.5,
		webRate: 0.2,
		accessibility: [...HALL_ACCESS, '駐輪場あり'],
		events: [
			event('防災講座「避難所の運営を考える」', 'ぼうさいこうざ ひなんじょのうんえいをかんがえる', {
				description: '南海トラフ地震に備え、地区の避難所の開き方をみんなで確かめます。',
				minutes: 90,
				fees: ['無料'],
				capacity: [30, 60],
				howToApply: DROP_IN
			}),
			event('健康づくり講演会', 'けんこうづくりこうえんかい', {
				description: '保健師が、冬の健康管理と介護予防についてお話しします。',
				minutes: 90,
				fees: ['無料'],
				capacity: [30, 80],
				howToApply: DROP_IN
			}),
			event('ふれあい映画会', 'ふれあいえいがかい', {
				description: '懐かしの名作映画を上映します。',
				minutes: 120,
				fees: ['無料'],
				capacity: [40, 80],
				howToApply: DROP_IN
			})
		]
	}),
	// The city-wide and per-district bodies below are placed by hand (weight 0).
	kind({
		key: 'city-council',
		field: '地域資源',
		terms: ['social-welfare-council'],
		weight: 0,
		operators: [CITY_COUNCIL],
		names: [() => [CITY_COUNCIL_NAME]],
		targets: ['誰でも'],
		tags: ['お金の相談', '見守り'],
		leads: ['高知市の地域福祉を進める社会福祉協議会（社協）です。'],
		details: [
			'ボランティアセンター、福祉の相談、生活福祉資金の貸付などを行っています。',
			'地区社協やサロンの立ち上げを支援します。',
			'生活支援コーディネーターが、地域の支え合いづくりを応援します。'
		],
		fees: ['無料'],
		eligibility: ['どなたでも'],
		howToApply: ['電話または窓口でご相談ください'],
		hours: [HOURS.office],
		contactRoles: ['代表', '地域福祉課'],
		faxRate: 1,
		webRate: 1,
		accessibility: [...BARRIER_FREE, 'エレベーターあり'],
		events: [
			event('ボランティア入門講座', 'ぼらんてぃあにゅうもんこうざ', {
				description: '身近な地域でできるボランティア活動を紹介します。',
				minutes: 120,
				fees: ['無料'],
				capacity: [20, 40],
				howToApply: BY_PHONE
			}),
			event('地域福祉活動 報告会', 'ちいきふくしかつどう ほうこくかい', {
				description: '各地区の支え合い活動や相談のまとめを報告し、意見を交わします。',
				minutes: 150,
				fees: ['無料'],
				capacity: [50, 100],
				howToApply: BY_PHONE
			})
		]
	}),
	kind({
		key: 'district-council',
		field: '地域資源',
		terms: ['social-welfare-council'],
		weight: 0,
		operators: [DISTRICT_COUNCIL],
		names: [(c) => [c.district, w('地区社会福祉協議会')]],
		targets: ['誰でも'],
		tags: ['見守り', '居場所'],
		leads: ['{district}地区の住民が地域福祉を進めるための地区社協です。'],
		details: ['サロンや見守り活動を支援しています。', '地区の福祉マップづくりや、支え合いの話し合いを開いています。', '近くの集いの場は事務局にお尋ねください。'],
		fees: ['無料'],
		eligibility: ['{district}地区にお住まいの方'],
		howToApply: ['事務局へ電話でお問い合わせください'],
		hours: [HOURS.threeDays],
		venue: 'community',
		contactRoles: ['事務局'],
		faxRate: 0.5,
		webRate: 0.1,
		accessibility: HALL_ACCESS,
		events: [
			event('支え合い活動 交流会', 'ささえあいかつどう こうりゅうかい', {
				description: '地区で活動するサロンや見守りのグループが集まり、情報を交換します。',
				minutes: 120,
				fees: ['無料'],
				capacity: null,
				howToApply: DROP_IN
			})
		]
	}),
	kind({
		key: 'minsei-iin',
		field: '地域資源',
		terms: ['minsei-iin'],
		weight: 0,
		operators: [VOLUNTARY_GROUP],
		names: [(c) => [c.district, w('地区民生委員児童委員協議会')]],
		targets: ['誰でも', '高齢者', '子ども・子育て世帯'],
		tags: ['見守り', '話し相手'],
		extraTags: ['電球交換', '子育ての相談'],
		leads: ['地域の身近な相談役である、民生委員・児童委員の協議会です。'],
		details: ['一人暮らしの高齢の方の見守りや、子育ての相談に応じます。', 'お住まいの地区の担当委員を事務局がご案内します。', '相談の秘密は守られます。'],
		fees: ['無料'],
		eligibility: ['{district}地区にお住まいの方'],
		howToApply: ['事務局へ電話でお問い合わせください。担当の委員がうかがいます'],
		venue: 'community',
		contactRoles: ['事務局（地区社協内）'],
		faxRate: 0.3,
		webRate: 0,
		accessibility: []
	}),
	kind({
		key: 'silver-center',
		field: '地域資源',
		terms: ['silver-center'],
		weight: 0,
		operators: [SILVER_CENTER_CORP],
		names: [() => [w('高知市'), w('シルバー人材センター')]],
		targets: ['高齢者', '誰でも'],
		tags: ['草抜き', 'ゴミ出し支援', '仕事の相談'],
		extraTags: ['掃除'],
		leads: ['60歳以上の会員が、経験を生かして地域の仕事を引き受けます。'],
		details: ['草刈り・植木の剪定・家事援助・ふすま張りなどを頼めます。', 'ゴミ出しや不燃物当番の代行もご相談ください。', '会員を随時募集しています。'],
		fees: ['作業内容により見積り（見積りは無料）'],
		eligibility: ['仕事の依頼はどなたでも。会員は市内にお住まいの60歳以上の方'],
		howToApply: ['電話で仕事を依頼してください'],
		hours: [HOURS.office],
		contactRoles: ['受付', '会員募集'],
		faxRate: 1,
		webRate: 1,
		accessibility: BARRIER_FREE,
		events: [
			event('入会説明会', 'にゅうかいせつめいかい', {
				description: 'センターの仕事の内容と、会員になる手続きを説明します。',
				minutes: 90,
				fees: ['無料'],
				capacity: [20, 30],
				howToApply: BY_PHONE,
				recurring: true
			})
		]
	}),
	kind({
		key: 'self-reliance',
		field: '地域資源',
		terms: ['self-reliance'],
		weight: 0,
		operators: [CITY_COUNCIL],
		names: [() => [w('高知市'), w('生活支援相談センター')]],
		targets: ['誰でも'],
		tags: ['お金の相談', '仕事の相談', 'なんでも相談'],
		leads: ['仕事や家計、住まいなど、暮らしに困りごとを抱える方の相談窓口（生活困窮者自立相談支援）です。'],
		details: ['相談員が一緒に課題を整理し、支援の計画を立てます。', '家計の立て直しや仕事探し、住居確保給付金の相談に応じます。', '食料の緊急支援につなぐこともできます。'],
		fees: ['無料'],
		eligibility: ['暮らしや仕事に困りごとのある、市内にお住まいの方'],
		howToApply: ['電話または窓口でご相談ください（予約優先）'],
		hours: [HOURS.office],
		contactRoles: ['相談窓口'],
		faxRate: 1,
		webRate: 0.5,
		accessibility: BARRIER_FREE
	})
];

export function serviceKind(key: string): ServiceKind {
	const found = SERVICE_KINDS.find((k) => k.key === key);
	if (!found) throw new Error(`unknown service kind ${key}`);
	return found;
}

// ---------------------------------------------------------------- places

/** Where community groups meet; 町名 or 地区 names need no reading here. */
export const VENUES: ReadonlyArray<(town: string, district: string) => string> = [
	(town) => `${town}集会所`,
	(town) => `${town}公民館`,
	(_, district) => `${district}地区ふれあいセンター`,
	(_, district) => `${district}老人憩の家`,
	(town) => `${town}会館`
];

/** Buildings for offices that rent floors. */
export const BUILDINGS: ReadonlyArray<(brand: string, district: string, floor: number) => string> = [
	(brand, _, floor) => `${brand}ビル ${floor}階`,
	(_, district, floor) => `メディカルプラザ${district} ${floor}階`,
	(_, district, floor) => `${district}センタービル ${floor}F`
];
