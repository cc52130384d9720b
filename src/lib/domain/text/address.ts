/**
 * Japanese street addresses as people type them into Excel, brought to one spelling so that
 * duplicates are found and the geocoder understands them:
 * "高知県高知市本町五丁目１番４５号" → "本町5丁目1-45" (prefecture and city taken off when they are the
 * city's own), 1番地45 → 1-45, 1番地 → 1, 全角 digits and every hyphen variant → ASCII.
 */
const KANJI_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 → number (丁目 rarely go beyond). */
function kanjiToNumber(text: string): number | null {
	if (text === '十') return 10;
	const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
	if (!match || text === '') return null;
	const tens = match[2] ? (match[1] ? KANJI_NUMBERS[match[1]] : 1) : 0;
	const ones = match[2] ? (match[3] ? KANJI_NUMBERS[match[3]] : 0) : match[1] ? KANJI_NUMBERS[match[1]] : 0;
	return tens * 10 + ones;
}

export function normalizeJapaneseAddress(input: string, strip: { prefecture?: string; city?: string } = {}): string {
	let text = input
		.normalize('NFKC')
		.replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
	if (strip.prefecture && text.startsWith(strip.prefecture)) text = text.slice(strip.prefecture.length).trim();
	if (strip.city && text.startsWith(strip.city)) text = text.slice(strip.city.length).trim();
	text = text
		// 五丁目 → 5丁目
		.replace(/([一二三四五六七八九十]+)丁目/g, (whole, kanji: string) => {
			const value = kanjiToNumber(kanji);
			return value === null ? whole : `${value}丁目`;
		})
		// 長音符 or katakana ー between digits is a hyphen
		.replace(/(?<=\d)\s*[ー-]\s*(?=\d)/g, '-')
		// 1番45号, 1番地45, 1番地の45 → 1-45; a trailing 番地 / 番 / 号 goes
		.replace(/(\d+)\s*番地?\s*の?\s*(\d+)\s*号?/g, '$1-$2')
		.replace(/(\d+)\s*の\s*(\d+)/g, '$1-$2')
		.replace(/(\d+)\s*(番地|番|号)(?=$|\s)/g, '$1')
		.replace(/(\d+)-(\d+)号/g, '$1-$2')
		// 5丁目1-45 and 5-1-45 both occur; keep 丁目 when written, join the rest without spaces
		.replace(/丁目\s*-?\s*(?=\d)/g, '丁目');
	return text.trim();
}
