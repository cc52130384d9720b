import { describe, expect, it } from 'vitest';
import { nameRubySpans, rubyParts } from '$lib/domain/ruby';

function marked(text: string, kana: string): string {
	return rubyParts(text, nameRubySpans(text, kana))
		.map((part) => (part.reading ? `${part.text}《${part.reading}》` : part.text))
		.join('');
}

describe('ふりがな over names', () => {
	it('goes over the kanji only, lined up with the name’s kana, so a line can break in the kana', () => {
		expect(marked('旭東地区ふれあいサロン', 'きょくとうちくふれあいさろん')).toBe('旭東地区《きょくとうちく》ふれあいサロン');
		expect(marked('ふれあいサロン 旭', 'ふれあいさろんあさひ')).toBe('ふれあいサロン 旭《あさひ》');
		expect(marked('旭あさひサロン', 'あさひあさひさろん')).toBe('旭《あさひ》あさひサロン');
		expect(marked('サロン にこにこ', 'さろん にこにこ')).toBe('サロン にこにこ');
	});

	it('cuts between two kanji words only where the reading has a space', () => {
		expect(marked('通所型サービスB 仁淀', 'つうしょがたさーびすびー によど')).toBe('通所型《つうしょがた》サービスB《びー》 仁淀《によど》');
		expect(marked('通所型サービスB 仁淀', 'つうしょがたさーびすびーによど')).toBe('通所型《つうしょがた》サービスB 仁淀《びーによど》');
	});

	it('puts a reading that does not line up over the whole name, and nothing without one', () => {
		expect(marked('旭町ほおっちょけん薬局', 'あさひまち')).toBe('旭町ほおっちょけん薬局《あさひまち》');
		expect(nameRubySpans('高知市', '')).toEqual([]);
	});

	it('cuts text along spans without losing or repeating any of it, ignoring spans that do not fit', () => {
		const parts = rubyParts('高知市の相談', [[0, 3, 'こうちし'], [1, 2, 'x'], [4, 6, 'そうだん'], [5, 9, 'y']]);
		expect(parts).toEqual([{ text: '高知市', reading: 'こうちし' }, { text: 'の' }, { text: '相談', reading: 'そうだん' }]);
	});
});
