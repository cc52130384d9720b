/**
 * Dates as Japanese offices write them: 令和6年4月1日, R6.4.1, 令和元年5月1日, H31/4/30,
 * 2024年4月1日, 2024/4/1, ２０２４－０４－０１ → "2024-04-01". Pure; used by the CSV import.
 */
const ERAS: ReadonlyArray<{ names: string[]; start: [number, number, number] }> = [
	{ names: ['令和', 'R'], start: [2019, 5, 1] },
	{ names: ['平成', 'H'], start: [1989, 1, 8] },
	{ names: ['昭和', 'S'], start: [1926, 12, 25] },
	{ names: ['大正', 'T'], start: [1912, 7, 30] },
	{ names: ['明治', 'M'], start: [1868, 1, 25] }
];

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 三十一 → 31 (the small numbers dates use). */
function kanjiNumber(text: string): number | null {
	if (/^\d+$/.test(text)) return Number(text);
	if (!/^[〇一二三四五六七八九十]+$/.test(text)) return null;
	const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
	const tensValue = text.includes('十') ? (tens === '' ? 1 : KANJI_DIGITS[tens]) : 0;
	const onesValue = ones === '' ? 0 : ones.length === 1 ? KANJI_DIGITS[ones] : null;
	return onesValue === null || tensValue === undefined ? null : tensValue * 10 + onesValue;
}

function isoDate(year: number, month: number, day: number): string | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2024-04-01", or null when the text is not a date (a blank gives null too: check before). */
export function parseJapaneseDate(input: string): string | null {
	const text = input.normalize('NFKC').trim().replace(/\s+/g, '').replace(/[‐‑–—―−ー－]/g, '-');
	if (text === '') return null;
	const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
	if (western) return isoDate(Number(western[1]), Number(western[2]), Number(western[3]));
	const eraPattern = /^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(元|\d{1,2}|[〇一二三四五六七八九十]+)[年./-](\d{1,2}|[〇一二三四五六七八九十]+)[月./-](\d{1,2}|[〇一二三四五六七八九十]+)日?$/.exec(text);
	if (!eraPattern) return null;
	const era = ERAS.find((candidate) => candidate.names.includes(eraPattern[1].length === 1 ? eraPattern[1].toUpperCase() : eraPattern[1]));
	const eraYear = eraPattern[2] === '元' ? 1 : kanjiNumber(eraPattern[2]);
	const month = kanjiNumber(eraPattern[3]);
	const day = kanjiNumber(eraPattern[4]);
	if (!era || eraYear === null || month === null || day === null || eraYear < 1) return null;
	const year = era.start[0] + eraYear - 1;
	const iso = isoDate(year, month, day);
	if (!iso) return null;
	// 令和1年4月1日 did not exist (still 平成): a date before the era began is a mistake.
	const start = isoDate(...era.start)!;
	return iso < start ? null : iso;
}
