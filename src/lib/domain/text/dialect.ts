/**
 * 土佐弁 endings typed after a verb written in kana (こまっちゅう, はいれん, しゃべれんがよ). Written
 * with a kanji stem the verb is plain (困っちゅう, 入れん: query-words.json folds those); in kana the
 * same endings are the tails of countless nouns (しょうがいしゃ|てちょう, ほけん, らいねん, さいちゅう).
 * So each kana fold here is only a candidate: the planner keeps it when the folded text is better
 * understood than the text as typed (see planner's readKanaDialect), never by a list of nouns.
 */

/** One candidate fold: the chunk with one ending at `at` read as standard Japanese. */
export interface DialectFold {
	text: string;
	/** Where the ending starts in the chunk (UTF-16 index). */
	at: number;
	/** `te`: 〜ている / 〜ていた after a te-form; `negative`: 〜ない; `adjective`: 〜く (いとうて → いたくて). */
	ending: 'te' | 'negative' | 'adjective';
	/** The ending as typed (ちゅう, ちょった, ん) and where it ends in the chunk as typed. */
	typed: string;
	end: number;
}

/**
 * Endings after a kana verb stem: the te-form with 〜ちゅう / 〜ちょる / 〜ちょう (している),
 * 〜ちょった (していた), 〜ちょって (していて), 〜ちょります (しています) and 〜ちょらん (していない) after a
 * te-form's last kana (っ い し, an ichidan stem's i/e kana), voiced after ん (のんじょる, すんじゅう);
 * the negative ん after a verb's a/e/i kana (いかん, いけん, はいれん, おきん), and its past 〜んかった /
 * 〜ざった (いけんかった, いかざった). The kana before must be hiragana after hiragana: a kanji stem is
 * the dictionary rules' business.
 * `at` is where the standard ending starts (adjectives: the stem kana the ウ音便 changed).
 */
const TE_FORM_KANA = 'っしいきちにみりびえけせてでねべめれ';
const NEGATIVE_STEM_KANA = 'かがさたなばまらわけげせてねべめれえきぎじちにびみりい';
/** The standard auxiliary after the te-form for a kana 〜ちょ / 〜じょ ending (らん is the typed negative). */
const teAuxiliary = (ending: string): string => PROGRESSIVE_AUXILIARY[ending === 'らん' ? 'らない' : ending];
const KANA_ENDINGS: ReadonlyArray<{ pattern: RegExp; fold: (match: RegExpMatchArray) => string; ending: DialectFold['ending'] }> = [
	{ pattern: new RegExp(`(?<=[\u3041-\u3093])([${TE_FORM_KANA}])ち(?:ゅう|ょる|ょう)`, 'gu'), fold: (match) => `${match[1]}ている`, ending: 'te' },
	{ pattern: new RegExp(`(?<=[\u3041-\u3093])([${TE_FORM_KANA}])ちょ(った|って|ります|らん)`, 'gu'), fold: (match) => `${match[1]}て${teAuxiliary(match[2])}`, ending: 'te' },
	{ pattern: /(?<=[\u3041-\u3093])(ん)じ(?:ょ(る|った|って|ります|らん)|ゅう)/gu, fold: (match) => `んで${teAuxiliary(match[2] ?? 'る')}`, ending: 'te' },
	// けんど after a verb is the conjunction "but" (あるけんど), not けん + ど.
	{ pattern: new RegExp(`(?<=[\u3041-\u3093])([${NEGATIVE_STEM_KANA}])ん(?!(?<=けん)ど)(かった)?`, 'gu'), fold: (match) => `${match[1]}な${match[2] ? 'かった' : 'い'}`, ending: 'negative' },
	{ pattern: new RegExp(`(?<=[\u3041-\u3093])([${NEGATIVE_STEM_KANA}])ざった`, 'gu'), fold: (match) => `${match[1]}なかった`, ending: 'negative' }
];

/** An adjective's く said as う (ウ音便) turns the kana before it to the o row: いたく → いとう, はやく → はよう. */
const O_ROW_TO_A_ROW: Record<string, string> = { こ: 'か', ご: 'が', そ: 'さ', ぞ: 'ざ', と: 'た', ど: 'だ', の: 'な', ほ: 'は', ぼ: 'ば', も: 'ま', よ: 'や', ろ: 'ら' };
/** 〜うて, 〜うなった, 〜うない, 〜うても after a kana stem: the adjective's く (いとうて → いたくて, さびしゅうて → さびしくて). */
const ADJECTIVE_U = /(?<=[\u3041-\u3093])(?:([こごそぞとどのほぼもよろ])う|しゅう)(?=て|なっ|ない|ても)/gu;

/** Most candidates judged by segmenting the folded chunk (one segmentation each), besides the chunk's last. */
export const MAX_KANA_DIALECT_FOLDS = 6;
/** Most candidates looked at in one chunk, including those passed over inside a known word. */
export const MAX_KANA_DIALECT_CANDIDATES = 64;

/** Each kana-stem dialect ending of a chunk folded alone, left to right. */
export function kanaDialectFolds(chunk: string): DialectFold[] {
	const folds: DialectFold[] = [];
	for (const { pattern, fold, ending } of KANA_ENDINGS) {
		for (const match of chunk.matchAll(pattern)) {
			const index = match.index ?? 0;
			const folded = fold(match);
			const end = index + match[0].length;
			folds.push({ text: chunk.slice(0, index) + folded + chunk.slice(end), at: index + match[1].length, ending, typed: match[0].slice(match[1].length), end });
		}
	}
	for (const match of chunk.matchAll(ADJECTIVE_U)) {
		const index = match.index ?? 0;
		const end = index + match[0].length;
		const folded = match[1] ? O_ROW_TO_A_ROW[match[1]] + 'く' : 'しく';
		folds.push({ text: chunk.slice(0, index) + folded + chunk.slice(end), at: index, ending: 'adjective', typed: match[0], end });
	}
	return folds.sort((a, b) => a.at - b.at);
}

/** What may follow a 土佐弁 verb: a particle, a conjunction or the clause's end. */
const CLAUSE_GOES_ON_ALTERNATIVES = String.raw`が|き|けど|けん|ろう|やろ|じゃ|よ|ね|か|の|で|し|ぜ|ちや|[、。！？\s]|$`;
/** Where a 土佐弁 clause goes on after a verb. */
const CLAUSE_GOES_ON = `(?=${CLAUSE_GOES_ON_ALTERNATIVES})`;

/** Verbs whose stem is one kanji alone (出る, 見る, 寝る, 着る, 来る, 看る, 診る): their negative is that kanji + ん (出ん, 来ん), their progressive that kanji + よる (看よる). */
const ONE_KANJI_STEM_VERBS = '出見寝着来看診';

/** A godan verb's stem kana before ます (書き, 読み) and its te-form (書いて, 読んで): 〜よる is 〜ている. */
const GODAN_TE_FORM: Record<string, string> = { き: 'いて', ぎ: 'いで', し: 'して', ち: 'って', り: 'って', い: 'って', び: 'んで', み: 'んで', に: 'んで' };
/** Kanji whose verb is ichidan with that stem kana (起きる, 落ちる, 借りる): their stem takes ている as it is. */
const ICHIDAN_STEMS = /^(?:[起生飽尽]き|[落]ち|[借降下]り|[浴]び)$/u;
/**
 * What follows the te-form for each 土佐弁 progressive ending, whether after a verb's stem (〜よる,
 * 〜よった, 〜よって, 〜よります, 〜よらない) or after its te-form (〜ちょる, 〜ちょって, 〜ちょります,
 * 〜ちょらない; voiced after ん: 〜じょる): いる, いた, いて, います, いない.
 */
const PROGRESSIVE_AUXILIARY: Record<string, string> = { る: 'いる', った: 'いた', ったら: 'いたら', って: 'いて', ります: 'います', らない: 'いない' };

/** A verb's stem + 〜よる in standard Japanese: its te-form + いる / いた / いて … (行き is irregular: 行って, not 行いて). */
const progressive = (stem: string, kana: string, ending: string): string => {
	if (ICHIDAN_STEMS.test(stem.slice(-1) + kana)) return `${stem}${kana}て${ending}`;
	const te = stem.endsWith('行') && kana === 'き' ? 'って' : GODAN_TE_FORM[kana];
	return `${stem}${te.slice(0, -1)}${te.endsWith('で') ? 'で' : 'て'}${ending}`;
};

/** Kanji of verbs in す whose stem is the kanji alone (出す, 話す, 貸す): 出いて, 話さんと. */
const SA_VERB_KANJI = '出貸話探押返渡消離直戻回隠残移指許刺干倒流外';

/**
 * Kanji of adjectives (悪い, 早い, 痛い): before 〜うて / 〜うなった their う is the adjective's く
 * (悪うて → 悪くて); after a verb's kanji it is the verb's own (言うて, 手伝うて).
 */
const ADJECTIVE_KANJI = '悪早遅痛寒暑熱重辛怖遠近高安古若長短細強弱良多広狭浅深太固硬堅甘赤青白黒苦汚危偉軽緩眠痒暗明丸温冷';
/**
 * Kanji of adjectives in 〜ない / 〜たい (少ない, 危ない, 重たい, 眠たい, 冷たい, 煙たい): said with their く as
 * う, the kana before it turns to the o row (少のうて, 重とうて). After a verb in つ the same kana are its
 * own te-form (持とうて, 待とうて: 持って), left as typed.
 */
const NAI_TAI_ADJECTIVE_KANJI = '少危切汚重眠冷煙平';

/**
 * 土佐弁 grammar around a verb written with its kanji, read after the dictionary's rules have made
 * its negative standard (行けん → 行けない): each rule is grammar (a verb form, a clause-end
 * particle), not a phrase, so it holds for any verb. Kana-only text is left alone (the noun
 * problem of KANA_ENDINGS): every rule needs a kanji stem or a standard ending before it.
 */
const CLAUSE_GRAMMAR: ReadonlyArray<{ pattern: RegExp; replacement: string | ((match: string, ...groups: string[]) => string) }> = [
	// The negative of a verb whose stem is one kanji (言葉が出ん, 誰も来んなった → 出ない, 来ないなった),
	// first so that よう and 〜んなった below see a standard negative. Not after a kanji: 提出, 外出 are nouns.
	{ pattern: new RegExp(String.raw`(?<!\p{Script=Han})([${ONE_KANJI_STEM_VERBS}])ん(?=な[っる]|${CLAUSE_GOES_ON_ALTERNATIVES})`, 'gu'), replacement: '$1ない' },
	// 〜きれん after a verb's stem: cannot do it to the end, cannot cope (支えきれん, 抱えきれん, 面倒見きれんなった →
	// 支えきれない, 抱えきれない, 面倒見きれなくなった); a kanji and one or two kana before it (one kanji alone,
	// 見きれん, is the dictionary's rule's). Before 〜んなった below, which makes its なくなった.
	{ pattern: new RegExp(String.raw`(?<=\p{Script=Han}[\u3041-\u3096]{1,2})きれん(?=な[っる]|${CLAUSE_GOES_ON_ALTERNATIVES})`, 'gu'), replacement: 'きれない' },
	// 〜てしもうて / 〜てしもうた after a te-form: the standard 〜てしまって / 〜てしまった (辞めてしもうて,
	// 死んでしもうた); しもう after anything else is left as typed.
	{ pattern: /(?<=[てで])しもう(?=[てた])/gu, replacement: 'しまっ' },
	// 〜せられん / 〜せれん after a noun of doing: cannot do (介護せられない → 介護できない). Two kanji:
	// after one it is a verb's own せ (見せられない, 任せられない).
	{ pattern: /(?<=\p{Script=Han}{2})せ(?:られ|れ)ない/gu, replacement: 'できない' },
	// よう + a verb's negative: cannot (よう回らない → 回らない). Not inside a word (太陽, しよう).
	// Nor the end of a kana word (にちよう, おなじよう).
	// よう before できない as well (一人でようできん → 一人でできない), and before a te-form and the verb it
	// goes with (よう提げて帰らん, よう歩いて行かん → 提げて帰らない, 歩いて行かない).
	{ pattern: /(?<![\p{Script=Han}\p{Script=Katakana}しそこどちじ])よう(?=(?:\p{Script=Han}[\u3041-\u3096]{0,2}?[てで])?\p{Script=Han}[\u3041-\u3096]{0,3}?ない|できな)/gu, replacement: '' },
	// ようせん after a noun of doing or its particle: cannot do (料理もようせん, 運転がようせんなった →
	// 料理もできない, 運転ができなくなった); せん alone is する's negative.
	{ pattern: new RegExp(String.raw`(?<=[もがをは]|\p{Script=Han})ようせん(?=な[っる]|${CLAUSE_GOES_ON_ALTERNATIVES})`, 'gu'), replacement: 'できない' },
	// 〜んなった: the negative + なる is 〜なくなる (行けんなった → 行けないなった → 行けなくなった).
	// Not ないなら, the standard "if not".
	{ pattern: new RegExp(String.raw`(?<=[\u3041-\u3096${ONE_KANJI_STEM_VERBS}])ないな(?=[っるり])`, 'gu'), replacement: 'なくな' },
	// 〜ないかん / 〜にゃいかん / 〜にゃならん (drawn out: 〜にゃあいかん): must, said as 〜ないと (行かないかん → 行かないと); read
	// as it is, ないか is 内科.
	{ pattern: new RegExp(String.raw`(?<=[\u3041-\u3096])(?:な(?:いか|いけ)|にゃあ?(?:いか|いけ|なら))(?:ん|ない)${CLAUSE_GOES_ON}`, 'gu'), replacement: 'ないと' },
	// 〜んと after a verb's stem: 〜ないと (行かんといかん, 食べんと → 行かないと, 食べないと).
	// Only after a kanji and its kana: ちゃんと, きちんと, ほんと are words. Not さ after any kanji:
	// 母さんと, 娘さんと, 田中さんと are さん + と; only a verb in す says 〜さん (出さんと, 話さんと).
	{ pattern: new RegExp(String.raw`(?:(?<=\p{Script=Han}[かがたなばまらわえけげせてでねべめれ])|(?<=[${SA_VERB_KANJI}]さ))んと(?:いか|いけ|なら)?(?:ん|ない)?`, 'gu'), replacement: 'ないと' },
	// サ行イ音便: 出いて, 探いちょる, 動かいた are 出して, 探している, 動かした. Only stems of verbs in す:
	// after any other kanji いて is standard (書いて, 聞いて, 置いて). と + い after a noun is the
	// particle and いる (家族といて, 母といた); of the verbs in とす only 落とす is said this way.
	{ pattern: new RegExp(String.raw`(?<=[${SA_VERB_KANJI}]|\p{Script=Han}[かこやら]|落と)い(?=て|た)`, 'gu'), replacement: 'し' },
	// 〜うて / 〜うなった after an adjective's kanji: its く (悪うて, 早うなった → 悪くて, 早くなった).
	// After a verb's kanji the う is its っ (言うて, 手伝うて), left as typed: the concepts know 手伝う.
	{ pattern: new RegExp(String.raw`(?<=[${ADJECTIVE_KANJI}])う(?=て|な[っるいく])`, 'gu'), replacement: 'く' },
	// 〜のうて / 〜とうて after the kanji of an adjective in 〜ない / 〜たい, said with its く as う (少のうて,
	// 危のうなった, 重とうて → 少なくて, 危なくなった, 重たくて); not after a verb's (持とうて, 待とうて).
	{ pattern: new RegExp(`(?<=[${NAI_TAI_ADJECTIVE_KANJI}])([のと])う(?=て|な[っるいく]|ても)`, 'gu'), replacement: (_match, kana) => `${O_ROW_TO_A_ROW[kana]}く` },
	// 〜しゅうて after a kanji: an adjective in 〜しい (寂しゅうて → 寂しくて).
	{ pattern: /(?<=\p{Script=Han})しゅう(?=て|な[っるいく]|ても)/gu, replacement: 'しく' },
	// 〜しよる / 〜しよった / 〜しよって / 〜しよります / 〜しよらん after a noun of doing: progressive
	// (仕事しよらん → 仕事していない, 介護しよって → 介護していて). 少しよって is 少し + 寄って.
	{
		pattern: new RegExp(String.raw`(?<=\p{Script=Han})(?<!少)しよ(?:(る|った|ります)${CLAUSE_GOES_ON}|(ったら|って|らない))`, 'gu'),
		replacement: (_match, ending, goesOn) => `して${PROGRESSIVE_AUXILIARY[ending ?? goesOn]}`
	},
	// A verb's stem + 〜よる / 〜よった / 〜よって / 〜よります / 〜よらん (働きよる, 言いよった, 探しよります,
	// 行きよらん): progressive, in the verb's te-form (働いている, 言っていた, 探しています); に is a particle (によって).
	{
		pattern: new RegExp(String.raw`(\p{Script=Han})([きぎちびみりい])よ(?:(る|った|ります)${CLAUSE_GOES_ON}|(ったら|って|らない))`, 'gu'),
		replacement: (_match, stem, kana, ending, goesOn) => progressive(stem, kana, PROGRESSIVE_AUXILIARY[ending ?? goesOn])
	},
	// A verb whose stem is one kanji (見る, 寝る, 出る, 来る) + 〜よる / 〜よった / 〜よって / 〜よります /
	// 〜よらん: progressive on the stem itself (テレビ見よる, 寝よった → テレビ見ている, 寝ていた). Not after a
	// kanji, as for their negative (提出, 外出 are nouns).
	{
		pattern: new RegExp(String.raw`(?<!\p{Script=Han})([${ONE_KANJI_STEM_VERBS}])よ(?:(る|った|ります)${CLAUSE_GOES_ON}|(ったら|って|らない))`, 'gu'),
		replacement: (_match, stem, ending, goesOn) => `${stem}て${PROGRESSIVE_AUXILIARY[ending ?? goesOn]}`
	},
	// 〜ちょって / 〜ちょります / 〜ちょらん after a te-form (なっちょって, 困っちょります, 行っちょらん →
	// なっていて, 困っています, 行っていない), and the whole 〜ちょる family voiced after a te-form in ん
	// (飲んじょらん, 住んじゅう, 読んじょった → 飲んでいない, 住んでいる, 読んでいた). The dictionary's rules read
	// 〜ちゅう / 〜ちょる / 〜ちょった after ち; like them this needs the verb's kanji stem.
	{
		pattern: new RegExp(String.raw`(\p{Script=Han}[\u3041-\u3093]{0,2}[${TE_FORM_KANA}]|\p{Script=Han})ちょ(って|ります|らない)|(\p{Script=Han}[\u3041-\u3093]?ん)じ(?:ょ(る|った|って|ります|らない)|ゅう)`, 'gu'),
		replacement: (_match, teStem, teEnding, nStem, voicedEnding) =>
			teStem ? `${teStem}て${PROGRESSIVE_AUXILIARY[teEnding]}` : `${nStem}で${PROGRESSIVE_AUXILIARY[voicedEnding ?? 'る']}`
	},
	// 〜ちゃる / 〜ちゃって / 〜ちゃり after a te-form: doing it for someone (話を聞いちゃって → 聞いてあげて,
	// 見ちゃる → 見てあげる, 話しちゃり → 話してあげて), the helper the planner drops after a verb (see TE_AUXILIARY). Only before a request
	// or where the clause goes on: 食べちゃった (standard てしまった) is left as typed.
	{
		pattern: new RegExp(String.raw`(\p{Script=Han}[\u3041-\u3093]{0,2}[${TE_FORM_KANA}]|\p{Script=Han})ちゃ(?:(って)(?=くれ|ほし|もら)|(る|り)${CLAUSE_GOES_ON})`, 'gu'),
		replacement: (_match, teStem, _request, plain) => `${teStem}てあげ${plain === 'る' ? 'る' : 'て'}`
	},
	// 〜ゆう after a verb's stem: progressive like 〜よる (休みゆうがぜよ, 騒ぎゆう → 休んでいる, 騒いでいる).
	{
		pattern: new RegExp(String.raw`(\p{Script=Han})([きぎちびみりい])ゆう${CLAUSE_GOES_ON}`, 'gu'),
		replacement: (_match, stem, kana) => progressive(stem, kana, 'いる')
	},
	// The past negative: 〜んかった (行けんかった, the dictionary's rules made it 行けないかった) and 〜ざった
	// (行かざった, 寝られざった, 来ざった) are 〜なかった. ざった needs a verb's negative stem after a kanji
	// and its kana: ござった is no negative.
	{ pattern: /(?<=[\u3041-\u3096\p{Script=Han}])ないかった/gu, replacement: 'なかった' },
	{
		pattern: new RegExp(String.raw`(?:(?<=\p{Script=Han}[\u3041-\u3096]{0,3})(?<=[${NEGATIVE_STEM_KANA}])|(?<=(?<!\p{Script=Han})[${ONE_KANJI_STEM_VERBS}]))ざった`, 'gu'),
		replacement: 'なかった'
	},
	// 〜とうせん: do not want to (行きとうせん → 行きたくない).
	{ pattern: /(?<=\p{Script=Han}[きぎしちにびみりい])とうせん/gu, replacement: 'たくない' },
	// えい after a condition: いい (どうしたらえいがやろ → どうしたらいいがやろ); elsewhere えい starts
	// words (えいが, えいよう).
	{ pattern: /(?<=[らばてもれ])えい(?=が[やなかよ]|ね|よ|き|ろ|か|[、。！？\s]|$)/gu, replacement: 'いい' },
	// 〜ろう ending a clause after a verb or an adjective: conjecture (あるろう, ないろうね → ある, ない).
	// 〜ろうか stays whole, an ending the planner drops: without ろう, ないか reads as 内科.
	// Not だろう, which is standard Japanese (いいんだろう would become いいんだ).
	{ pattern: /(?<=る|ない|たい|った)ろう(?:ね|よ|に)?(?=[、。！？\s]|$)/gu, replacement: '' },
	// ないかね / ないかな / ないかえ (drawn out: ないかねえ, ないかなあ; with the nominal が: ないがかえ)
	// ending a clause after a noun, a comma or は / も / が: "isn't there?" (とこないかね, 病院はないかえ →
	// とこない, 病院はない), and after いない (おらんかえ) or a verb asking for help or able to (くれないかな,
	// もらえないかね, 見られないか, できないかえ); read as it is, ないか is 内科. Not after の (ちかくのないか
	// is the clinic typed in kana), nor after a plain verb (行かないかな stays a question).
	// いない is いる's: after a particle or a noun (誰もいないか, 人いないかね), not an adjective's い
	// (ちかいないか, やさしいないか: a clinic typed in kana). After a space a bare ないか is the word
	// 内科 typed on its own (旭 ないか); only with an ending (ないかね) is it the question.
	{
		pattern: /(?<=[はもがこ、\p{Script=Han}]|(?:^|[はもがに、\s\p{Script=Han}])い|くれ|もらえ|られ|でき)ないが?か(?:ねえ?|なあ?|え)?(?=[、。！？\s]|$)|(?<=\s)ないが?か(?:ねえ?|なあ?|え)(?=[、。！？\s]|$)/gu,
		replacement: 'ない'
	},
	// ばあ after a noun or a verb: ばかり (テレビばあ見よる, 来たばあ → テレビばかり, 来たばかり); after お,
	// before ちゃん / さん / ば it is a grandmother (おばあ, ばあちゃん, ばあば).
	{ pattern: /(?<=[\p{Script=Han}\p{Script=Katakana}ーてでただる])ばあ(?![ちさば])/gu, replacement: 'ばかり' },
	// き after a verb's plain form ending a clause or before a kanji: because (泣くき、, 起きるき寝られん → 泣くから、, 起きるから寝られん);
	// a kanji and its kana before it, so 行き, 生き stay. After ない the planner already drops き.
	{ pattern: /(?<=\p{Script=Han}[\u3041-\u3096]{0,2}[うくぐすつぬぶむる])き(?=[、。！？\s]|$|\p{Script=Han})/gu, replacement: 'から' },
	// おる after に / で: いる (家におるがが心配, 施設におるき, 長浜におる孫 → 家にいるのが, 施設にいるから, 長浜にいる孫).
	{ pattern: /(?<=[にで])おる(?=[がきけの、。！？\s]|$|\p{Script=Han})/gu, replacement: 'いる' },
	// き / けん after an adjective ending a clause: because (足が痛いき、, 言葉が遅いき心配, 体がしんどいき, えらいけん →
	// 痛いから, 遅いから, しんどいから, えらいから; けんど is "but"). Its い after a kanji and its kana, or a kana adjective after a particle or the
	// start or a te-form (しんどい, えらい, ひやい; 看よってえらいけん); the clause goes on, or the next word is a kanji. Not a word in き after
	// い (寂しいきもち, 赤いきつね, きれい, きょう).
	{
		pattern: /(?<=(?:\p{Script=Han}[\u3041-\u3096]{0,2}|(?:^|[がもはでて、\s])[\u3041-\u3096]{2,3})(?<![なのがもはでにとて])い)(?:き(?![もつれりるらろょゅゃっ])|けん(?!ど))(?=[、。！？\s]|$|\p{Script=Han}|[\u3041-\u3096])/gu,
		replacement: 'から'
	},
	// The nominal が (の) after a verb's or an adjective's plain form, before a particle (言葉の出るがが遅い, 飲み
	// 忘れるがが心配, 歩くがも, 心配ながは, 家におるがが → 出るのが, 忘れるのが, 歩くのも, 心配なのは, いるのが):
	// the concepts are written with the standard の. Never a noun: a kanji and its kana before (映画が stays),
	// いる / おる after に / で, or a kana verb after a particle (しゃべるがが; えいがが, まんがが stay).
	{ pattern: /(?<=(?:\p{Script=Han}[\u3041-\u3096]{0,3}|[にで][いお])[うくぐすつぬぶむるいたな]|(?:^|[、。\sがもはをにでと])[\u3041-\u3096]{1,4}[うくぐすつぬぶむる])が(?=[がはもを])/gu, replacement: 'の' },
	// ようけ after a particle or the sentence's start: a lot (ようけ泣く, 薬がようけある), a degree word the
	// plan drops like とても; not 用件, 養鶏 typed in kana (ようけん, ようけい).
	{ pattern: /(?<=^|[がもをはにで、。\s])ようけ(?![いんつ])/gu, replacement: '' },
	// どっか: どこか said short (どっかないろうか), not a word of its own.
	{ pattern: /どっか(?!\p{Script=Han})/gu, replacement: 'どこか' }
];

/** 土佐弁 clause grammar read as standard Japanese (see CLAUSE_GRAMMAR); the text after the dictionary's dialect rules. */
export function standardClauseGrammar(text: string): string {
	return CLAUSE_GRAMMAR.reduce((folded, rule) => folded.replace(rule.pattern, rule.replacement as (match: string, ...groups: string[]) => string), text);
}
