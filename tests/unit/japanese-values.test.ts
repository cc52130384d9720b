import { describe, expect, it } from 'vitest';
import { parseJapaneseDate } from '../../src/lib/domain/wareki';
import { normalizeJapaneseAddress } from '../../src/lib/domain/text/address';
import { parseDays, parseHoursText, parseSessionsText } from '../../src/lib/domain/hours-text';
import { formatWeeklyHours } from '../../src/lib/domain/hours';
import { neutralizeCell, parseCsv, toExcelCsv } from '../../src/lib/server/importers/csv-columns';

describe('和暦 and other date spellings', () => {
	it.each([
		['令和6年4月1日', '2024-04-01'],
		['R6.4.1', '2024-04-01'],
		['r6/4/1', '2024-04-01'],
		['令和元年5月1日', '2019-05-01'],
		['平成31年4月30日', '2019-04-30'],
		['H31.4.30', '2019-04-30'],
		['昭和64年1月7日', '1989-01-07'],
		['令和六年四月一日', '2024-04-01'],
		['２０２４年４月１日', '2024-04-01'],
		['2024/4/1', '2024-04-01'],
		['2024-04-01', '2024-04-01']
	])('%s → %s', (input, expected) => expect(parseJapaneseDate(input)).toBe(expected));

	it.each(['令和1年4月1日', 'R6.13.1', '2024/2/30', '来週', '令和'])('%s is not a date', (input) => expect(parseJapaneseDate(input)).toBeNull());
});

describe('address spellings', () => {
	const strip = { prefecture: '高知県', city: '高知市' };
	it.each([
		['高知県高知市本町五丁目1番45号', '本町5丁目1-45'],
		['高知市本町５丁目１－４５', '本町5丁目1-45'],
		['本町5丁目1ー45', '本町5丁目1-45'],
		['旭町二丁目12番地3', '旭町2丁目12-3'],
		['仁井田1234番地', '仁井田1234'],
		['春野町西分２５０番地の１', '春野町西分250-1'],
		['朝倉本町十一丁目3‐2', '朝倉本町11丁目3-2']
	])('%s → %s', (input, expected) => expect(normalizeJapaneseAddress(input, strip)).toBe(expected));
});

describe('hours and sessions written in a cell', () => {
	it('reads what formatWeeklyHours writes', () => {
		const spans = [
			...[1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, opensAt: '09:00', closesAt: '12:30' }, { weekday, opensAt: '14:00', closesAt: '18:00' }]),
			{ weekday: 6, opensAt: '22:00', closesAt: '06:00' },
			{ weekday: 0, opensAt: '00:00', closesAt: '24:00' }
		];
		const text = formatWeeklyHours(spans).join(' ／ ');
		const parsed = parseHoursText(text);
		expect(parsed.ok && formatWeeklyHours(parsed.value)).toEqual(formatWeeklyHours(spans));
	});

	it('reads 平日, 時 and 全角', () => {
		const parsed = parseHoursText('平日 ９時〜１７時３０分');
		expect(parsed).toEqual({ ok: true, value: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '17:30' })) });
		expect(parseDays('土日')).toEqual([6, 0]);
		expect(parseDays('金〜月')).toEqual([1, 5, 6, 0]);
	});

	it('explains what it cannot read', () => {
		const parsed = parseHoursText('朝から');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error).toContain('「朝から」');
	});

	it('reads sessions', () => {
		expect(parseSessionsText('毎月第2・第4火曜 10:00〜11:30 ／ 隔週水曜日 17:00〜19:00 ／ 毎月15日 13:30〜 ／ 毎月最終金曜 10:00〜12:00')).toEqual({
			ok: true,
			value: [
				{ pattern: 'monthly-nth', weekdays: [2], nths: [2, 4], monthDays: [], opensAt: '10:00', closesAt: '11:30', firstDate: null, until: null, count: null },
				{ pattern: 'biweekly', weekdays: [3], nths: [], monthDays: [], opensAt: '17:00', closesAt: '19:00', firstDate: null, until: null, count: null },
				{ pattern: 'monthly-day', weekdays: [], nths: [], monthDays: [15], opensAt: '13:30', closesAt: null, firstDate: null, until: null, count: null },
				{ pattern: 'monthly-nth', weekdays: [5], nths: [-1], monthDays: [], opensAt: '10:00', closesAt: '12:00', firstDate: null, until: null, count: null }
			]
		});
		expect(parseSessionsText('毎月第2火曜').ok).toBe(false);
	});
});

describe('CSV text', () => {
	it('neutralises formula cells', () => {
		expect(neutralizeCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
		expect(['+1', '-1', '@a', '\tx'].map(neutralizeCell)).toEqual(["'+1", "'-1", "'@a", "'\tx"]);
		expect(neutralizeCell('088-823-9451')).toBe('088-823-9451');
	});

	it('writes BOM + CRLF and reads quoted cells with commas, quotes and line breaks', () => {
		const text = toExcelCsv([['名称', '内容'], ['A', '1行目\n2行目, "引用"']]);
		expect(text).toBe('\uFEFF名称,内容\r\nA,"1行目\n2行目, ""引用"""\r\n');
		expect(parseCsv(text.slice(1))).toEqual([['名称', '内容'], ['A', '1行目\n2行目, "引用"']]);
	});
});
