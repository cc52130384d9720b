import { describe, expect, it } from 'vitest';
import { bigramTokens, foldForSearch, normalizePhone, normalizePostalCode } from '../../src/lib/domain/text/normalize';
import { ftsExpression } from '../../src/lib/server/search/embedded';

describe('Japanese normalisation', () => {
	it('folds half-width katakana, full-width letters and katakana to one form', () => {
		expect(foldForSearch('ｻﾛﾝ')).toBe(foldForSearch('サロン'));
		expect(foldForSearch('ＮＰＯ法人')).toBe('npo法人');
		expect(foldForSearch('ホオッチョケン')).toBe('ほおっちょけん');
	});

	it('makes bigrams so that 2-character words match inside names', () => {
		expect(bigramTokens(foldForSearch('旭町ほおっちょけん薬局'))).toContain('薬局');
		expect(ftsExpression(['薬局'])).toBe('"薬局"');
		expect(ftsExpression(['ほおっちょけん'])).toBe('"ほお おっ っち ちょ ょけ けん"');
		expect(ftsExpression(['旭'])).toBe('"旭"*');
	});

	it('reads postal codes and phone numbers however they are typed', () => {
		expect(normalizePostalCode('〒７８０－０８７０')).toBe('780-0870');
		expect(normalizePostalCode('7800870')).toBe('780-0870');
		expect(normalizePostalCode('780-087')).toBeNull();
		expect(normalizePhone('０８８ー８２３ー９４５１')).toBe('088-823-9451');
		expect(normalizePhone('088(823)9451')).toBe('088-823-9451');
	});
});
