/**
 * ふりがな (ルビ) over running text. Readings are worked out once, at index time (kuromoji is far
 * too heavy per request), and stored as spans over the text they were computed for; the page
 * splits the text along them.
 */

/** A kanji word of the text: [start, end) in UTF-16 units, and its hiragana reading. */
export type RubySpan = [start: number, end: number, reading: string];

/** A piece of text, with its reading when it is a kanji word. */
export interface RubyPart {
	text: string;
	reading?: string;
}

/** The text cut along its spans; spans that do not fit the text (out of order, out of range) are ignored. */
export function rubyParts(text: string, spans: readonly RubySpan[]): RubyPart[] {
	const parts: RubyPart[] = [];
	let at = 0;
	for (const [start, end, reading] of spans) {
		if (start < at || end <= start || end > text.length || !reading) continue;
		if (start > at) parts.push({ text: text.slice(at, start) });
		parts.push({ text: text.slice(start, end), reading });
		at = end;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}

const KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/;
const SEPARATOR = /[\s\u3000・･、，,.．]/;
/** Hiragana of one kana character (ー stays as it is). */
function hiragana(char: string): string {
	const code = char.charCodeAt(0);
	return code >= 0x30a1 && code <= 0x30f6 ? String.fromCharCode(code - 0x60) : char;
}
function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface NameRun {
	start: number;
	end: number;
	kind: 'kana' | 'separator' | 'read';
}

/** The name's reading matched run by run; null when it does not line up. */
function lineUp(name: string, runs: NameRun[], reading: string): RubySpan[] | null {
	const pattern = runs
		.map((run, index) => {
			if (run.kind === 'read') return '([^\\s\\u3000・]+?)';
			// Between two read parts only the reading's own space tells where one ends.
			if (run.kind === 'separator') return runs[index - 1]?.kind === 'read' && runs[index + 1]?.kind === 'read' ? '[\\s\\u3000・]+' : '';
			return escapeRegExp([...name.slice(run.start, run.end)].map(hiragana).join(''));
		})
		.join('[\\s\\u3000・]*');
	const match = new RegExp(`^${pattern}$`).exec(reading);
	if (!match) return null;
	const read = runs.filter((run) => run.kind === 'read');
	return read.map((run, index): RubySpan => [run.start, run.end, match[index + 1]]).filter(([start, end, text]) => text !== name.slice(start, end));
}

/**
 * Spans of a name's よみがな over the parts that need it: the reading is lined up with the name's
 * kana (旭東地区ふれあいサロン / きょくとうちくふれあいさろん → 旭東地区《きょくとうちく》 only), so
 * kana stays plain text a line can break in. Words the reading does not separate share one span;
 * a reading that does not line up at all covers the whole name.
 */
export function nameRubySpans(name: string, kana: string | null | undefined): RubySpan[] {
	const reading = [...(kana ?? '').trim()].map(hiragana).join('');
	if (!reading) return [];
	const runs: NameRun[] = [];
	for (let index = 0; index < name.length; index++) {
		const kind = KANA.test(name[index]) ? 'kana' : SEPARATOR.test(name[index]) ? 'separator' : 'read';
		const last = runs[runs.length - 1];
		if (last && last.kind === kind) last.end = index + 1;
		else runs.push({ start: index, end: index + 1, kind });
	}
	// Without a space in the reading, 「B 仁淀」 cannot be cut between B and 仁淀: read them as one.
	const joined: NameRun[] = [];
	for (const run of runs) {
		const [beforeLast, last] = [joined[joined.length - 2], joined[joined.length - 1]];
		if (run.kind === 'read' && last?.kind === 'separator' && beforeLast?.kind === 'read') {
			joined.pop();
			beforeLast.end = run.end;
		} else joined.push({ ...run });
	}
	return lineUp(name, runs, reading) ?? lineUp(name, joined, reading) ?? [[0, name.length, kana!.trim()]];
}
