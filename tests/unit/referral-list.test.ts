import { describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS, listFromParams, listToParams, sharedListPath } from '../../src/lib/domain/referral-list';

describe('つなぎ先リスト links', () => {
	const entries = [
		{ id: 'a1', note: '火曜の午前' },
		{ id: 'b2', note: '' },
		{ id: 'c3', note: '送迎あり & 予約' }
	];

	it('carry the ids in order with their notes, and read back the same', () => {
		const params = listToParams(entries);
		expect([...params.keys()]).toEqual(['item', 'note', 'item', 'item', 'note']);
		expect(listFromParams(new URLSearchParams(params.toString()))).toEqual({ ok: true, entries });
		expect(sharedListPath(entries)).toMatch(/^\/list\/shared\?item=a1&note=/);
	});

	it('keep the first of a repeated id and tidy the spaces in notes', () => {
		const parsed = listFromParams(new URLSearchParams('item=a1&note=%20%20x%20%20y&item=a1&note=z'));
		expect(parsed).toEqual({ ok: true, entries: [{ id: 'a1', note: 'x y' }] });
	});

	it('refuse bad ids, long notes and too many items in Japanese', () => {
		for (const query of ['item=../etc', `item=a&note=${'あ'.repeat(81)}`, Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `item=i${i}`).join('&')]) {
			const parsed = listFromParams(new URLSearchParams(query));
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.ja).toContain('リストのリンクが正しくありません');
		}
	});
});
