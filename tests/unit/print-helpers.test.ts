import { describe, expect, it } from 'vitest';
import { readableUrl } from '../../src/lib/domain/url';

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

