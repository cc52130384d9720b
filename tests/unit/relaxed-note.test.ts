import { describe, expect, it } from 'vitest';
import { droppedAsTyped } from '../../src/lib/server/search/service';

describe('the words a relaxed search says it left out', () => {
	it('quotes back only words that stand in the typed text (width and katakana folded), never a respelling', () => {
		expect(droppedAsTyped(['愚痴'], '愚痴を聞いてくれる人')).toEqual(['愚痴']);
		expect(droppedAsTyped(['abc', 'ぐち'], 'ＡＢＣのグチ')).toEqual(['abc', 'ぐち']);
		// 行けない is how the planner reads 行けん: the resident did not type it.
		expect(droppedAsTyped(['行けない', '愚痴'], '愚痴も言いに行けん')).toEqual(['愚痴']);
	});
});
