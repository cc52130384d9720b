/**
 * Names with their readings (よみがな). Every generated name is joined from parts whose reading is
 * known, so name_kana is always the true reading of name — never a guess from kanji.
 */

export interface Reading {
	text: string;
	/** Hiragana (ー, ・ and spaces allowed), as name_kana stores it. */
	kana: string;
}

/** Readings of the kanji words the names use. Kana-only words need no entry. */
const KANJI_READINGS: Readonly<Record<string, string>> = {
	// places and the city
	高知市: 'こうちし',
	高知: 'こうち',
	地区: 'ちく',
	店: 'てん',
	中央: 'ちゅうおう',
	東部: 'とうぶ',
	西部: 'せいぶ',
	南部: 'なんぶ',
	北部: 'ほくぶ',
	// 医療
	薬局: 'やっきょく',
	調剤薬局: 'ちょうざいやっきょく',
	医院: 'いいん',
	病院: 'びょういん',
	中央病院: 'ちゅうおうびょういん',
	記念病院: 'きねんびょういん',
	内科: 'ないか',
	内科クリニック: 'ないかくりにっく',
	整形外科: 'せいけいげか',
	小児科: 'しょうにか',
	眼科: 'がんか',
	耳鼻咽喉科: 'じびいんこうか',
	皮膚科: 'ひふか',
	循環器内科: 'じゅんかんきないか',
	'内科・消化器内科': 'ないか・しょうかきないか',
	心療内科: 'しんりょうないか',
	泌尿器科: 'ひにょうきか',
	歯科: 'しか',
	歯科医院: 'しかいいん',
	こども歯科: 'こどもしか',
	歯科クリニック: 'しかくりにっく',
	ファミリー歯科: 'ふぁみりーしか',
	訪問看護ステーション: 'ほうもんかんごすてーしょん',
	// 介護
	高齢者支援センター: 'こうれいしゃしえんせんたー',
	居宅介護支援事業所: 'きょたくかいごしえんじぎょうしょ',
	介護相談センター: 'かいごそうだんせんたー',
	訪問介護事業所: 'ほうもんかいごじぎょうしょ',
	夜間対応型訪問介護: 'やかんたいおうがたほうもんかいご',
	特別養護老人ホーム: 'とくべつようごろうじんほーむ',
	荘: 'そう',
	の里: 'のさと',
	の家: 'のいえ',
	苑: 'えん',
	// 障害
	相談支援事業所: 'そうだんしえんじぎょうしょ',
	障害者相談支援センター: 'しょうがいしゃそうだんしえんせんたー',
	就労継続支援B型事業所: 'しゅうろうけいぞくしえんびーがたじぎょうしょ',
	就労移行支援事業所: 'しゅうろういこうしえんじぎょうしょ',
	作業所: 'さぎょうしょ',
	生活介護事業所: 'せいかつかいごじぎょうしょ',
	放課後等デイサービス: 'ほうかごとうでいさーびす',
	児童発達支援: 'じどうはったつしえん',
	// 子育て
	地域子育て支援センター: 'ちいきこそだてしえんせんたー',
	子育てひろば: 'こそだてひろば',
	保育園: 'ほいくえん',
	保育所: 'ほいくしょ',
	認定こども園: 'にんていこどもえん',
	こども園: 'こどもえん',
	一時預かり: 'いちじあずかり',
	一時預かり室: 'いちじあずかりしつ',
	放課後児童クラブ: 'ほうかごじどうくらぶ',
	子育て相談室: 'こそだてそうだんしつ',
	// 地域資源
	いきいき百歳体操の会: 'いきいきひゃくさいたいそうのかい',
	百歳体操クラブ: 'ひゃくさいたいそうくらぶ',
	百歳体操の会: 'ひゃくさいたいそうのかい',
	いきいき百歳体操: 'いきいきひゃくさいたいそう',
	こうち子ども食堂: 'こうちこどもしょくどう',
	子ども食堂: 'こどもしょくどう',
	みんなの食堂: 'みんなのしょくどう',
	地域食堂: 'ちいきしょくどう',
	支え合いの会: 'ささえあいのかい',
	お助け隊: 'おたすけたい',
	生活支援サービス: 'せいかつしえんさーびす',
	元気クラブ: 'げんきくらぶ',
	通所型サービスB: 'つうしょがたさーびすびー',
	買い物支援バス: 'かいものしえんばす',
	移動販売: 'いどうはんばい',
	号: 'ごう',
	地区社会福祉協議会: 'ちくしゃかいふくしきょうぎかい',
	社会福祉協議会: 'しゃかいふくしきょうぎかい',
	地区民生委員児童委員協議会: 'ちくみんせいいいんじどういいんきょうぎかい',
	シルバー人材センター: 'しるばーじんざいせんたー',
	生活支援相談センター: 'せいかつしえんそうだんせんたー',
	なんでも相談窓口: 'なんでもそうだんまどぐち',
	まちかど相談室: 'まちかどそうだんしつ',
	公民館: 'こうみんかん',
	// organisations
	社会福祉法人: 'しゃかいふくしほうじん',
	医療法人: 'いりょうほうじん',
	医療法人社団: 'いりょうほうじんしゃだん',
	NPO法人: 'えぬぴーおーほうじん',
	株式会社: 'かぶしきがいしゃ',
	有限会社: 'ゆうげんがいしゃ',
	会: 'かい',
	の会: 'のかい',
	福祉会: 'ふくしかい',
	福祉会館: 'ふくしかいかん',
	地区町内会連合会: 'ちくちょうないかいれんごうかい',
	公益社団法人: 'こうえきしゃだんほうじん'
};

const KANA_ONLY = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\s]+$/u;
/** What name_kana may contain: hiragana, ー, ・ and spaces. */
export const HIRAGANA_READING = /^[\u3041-\u3096\u30fc\u30fb\s]+$/u;

export function toHiragana(kana: string): string {
	// Katakana U+30A1–U+30F6 sit exactly 0x60 above their hiragana.
	return kana.replace(/[\u30a1-\u30f6]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

const wordCache = new Map<string, Reading>();

/** A word with its reading: kana words read as written, kanji words from the table above. */
export function w(text: string): Reading {
	const cached = wordCache.get(text);
	if (cached) return cached;
	const kana = KANA_ONLY.test(text) ? toHiragana(text) : KANJI_READINGS[text];
	if (kana === undefined) throw new Error(`no reading for 「${text}」: add it to KANJI_READINGS`);
	const reading = { text, kana };
	wordCache.set(text, reading);
	return reading;
}

/** A proper noun whose reading is given with it (districts, schools, brands). */
export function yomi(text: string, kana: string): Reading {
	return { text, kana };
}

export const SPACE: Reading = { text: ' ', kana: ' ' };

/** The reading spelt out as the name itself (「はるのクリニック」 from 春野). */
export function asKana(reading: Reading): Reading {
	return { text: reading.kana, kana: reading.kana };
}

export function join(parts: readonly Reading[]): Reading {
	let text = '';
	let kana = '';
	for (const part of parts) {
		text += part.text;
		kana += part.kana;
	}
	return { text, kana };
}
