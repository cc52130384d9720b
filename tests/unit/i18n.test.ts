import { describe, expect, it } from 'vitest';
import { htmlLang, LANGUAGES, MESSAGES, parseLanguage } from '../../src/lib/domain/i18n';
import { ja } from '../../src/lib/domain/i18n/ja';

/** Every leaf of a message table as [dotted key, value]; functions are called with sample arguments. */
function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
	if (typeof value === 'function') return [[prefix, (value as (...args: string[]) => unknown)('3', '7', '9')]];
	if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
	return [[prefix, value]];
}

describe('message tables', () => {
	const jaKeys = leaves(ja).map(([key]) => key);

	it.each(LANGUAGES)('%s has every key of ja.ts and no other', (language) => {
		expect(leaves(MESSAGES[language]).map(([key]) => key).sort()).toEqual([...jaKeys].sort());
	});

	it.each(LANGUAGES)('%s has no empty message', (language) => {
		for (const [key, value] of leaves(MESSAGES[language])) {
			expect(typeof value, key).toBe('string');
			expect((value as string).trim(), key).not.toBe('');
		}
	});

	it('English is written in English (no kana in its messages but for Japanese names in brackets or 「」)', () => {
		for (const [key, value] of leaves(MESSAGES.en)) {
			const outsideBrackets = (value as string).replace(/[（(「][^）)」]*[）)」]/g, '').replace(/・言語/, '');
			expect(outsideBrackets, key).not.toMatch(/[\u3040-\u30ff]/);
		}
	});

	it('やさしい日本語 differs from the ordinary Japanese in its headings', () => {
		expect(MESSAGES.easy.home.title).not.toBe(ja.home.title);
	});
});

describe('language choice', () => {
	it('accepts the three languages, tolerating case and spaces, and nothing else', () => {
		expect(parseLanguage('en')).toBe('en');
		expect(parseLanguage(' EN ')).toBe('en');
		expect(parseLanguage('easy')).toBe('easy');
		expect(parseLanguage('fr')).toBeNull();
		expect(parseLanguage(undefined)).toBeNull();
	});

	it('やさしい日本語 is lang="ja"', () => {
		expect(htmlLang('easy')).toBe('ja');
		expect(htmlLang('en')).toBe('en');
	});
});
