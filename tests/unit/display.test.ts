import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, parseDisplayCookie, safeReturnPath } from '$lib/domain/display';

describe('display settings', () => {
	it('goes back only to a path on this site, percent-encoded for the Location header', () => {
		expect(safeReturnPath('/search?q=サロン&area=旭')).toBe('/search?q=%E3%82%B5%E3%83%AD%E3%83%B3&area=%E6%97%AD');
		expect(safeReturnPath('/search?q=%E3%82%B5')).toBe('/search?q=%E3%82%B5');
		expect(safeReturnPath('//evil.example/')).toBe('/');
		expect(safeReturnPath('/\\evil.example')).toBe('/');
		expect(safeReturnPath('https://evil.example/')).toBe('/');
		expect(safeReturnPath(undefined)).toBe('/');
	});

	it('reads a missing or broken cookie as the default display', () => {
		expect(parseDisplayCookie(undefined)).toEqual(DEFAULT_DISPLAY);
		expect(parseDisplayCookie('text_size=huge&contrast=neon')).toEqual(DEFAULT_DISPLAY);
		expect(parseDisplayCookie('text_size=xlarge&contrast=high&ruby=on')).toEqual({ textSize: 'xlarge', highContrast: true, ruby: true });
	});
});
