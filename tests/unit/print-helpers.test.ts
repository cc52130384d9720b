import { describe, expect, it } from 'vitest';
import { readableUrl } from '../../src/lib/domain/url';
import { GUIDED_WORRIES, findWorry } from '../../src/lib/server/guided';

describe('readableUrl', () => {
	it('shows Japanese query text as people read it', () => {
		expect(readableUrl('http://localhost/search?q=%E3%82%B5%E3%83%AD%E3%83%B3&area=%E6%97%AD')).toBe('http://localhost/search?q=サロン&area=旭');
	});
	it('keeps what it cannot decode', () => {
		expect(readableUrl('http://localhost/search?q=%E3%82')).toBe('http://localhost/search?q=%E3%82');
	});
	it('keeps reserved characters encoded so the link still works', () => {
		expect(readableUrl('http://localhost/search?q=a%26b')).toBe('http://localhost/search?q=a%26b');
	});
});

describe('こんなときに worries', () => {
	it('come from the worry dictionary, each with how a resident says it', () => {
		expect(GUIDED_WORRIES.length).toBeGreaterThanOrEqual(6);
		for (const ask of ['電球を替えてほしい', 'ゴミ出しがつらい', '親の介護', '家計の相談']) {
			expect(GUIDED_WORRIES.some((worry) => worry.ask === ask)).toBe(true);
		}
		expect(findWorry('電球')?.ask).toBe('電球を替えてほしい');
		expect(findWorry('困った')).toBeNull(); // generic: the nearest desk answers it anyway
	});
});
