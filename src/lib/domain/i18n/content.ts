/**
 * Interface text that quotes content ("Results in 旭 district", "Remove the condition “サロン”"):
 * the quoted place names, listing names and search words stay as entered, in Japanese, so on an
 * English page those parts carry lang="ja" (WCAG 3.1.2 Language of Parts). This finds them.
 */
export interface TextPart {
	text: string;
	/** Quoted content (as entered), not interface wording. */
	content: boolean;
}

const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ・０-９Ａ-Ｚａ-ｚ\d（）「」]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ・０-９Ａ-Ｚａ-ｚ\d（）「」]*/gu;

/**
 * `text` in parts: each whole occurrence of a content value, and each run of Japanese script that
 * comes from one (「旭」 of 旭地区 in "旭 district"), is content; the rest is interface wording.
 */
export function splitContent(text: string, content: ReadonlyArray<string | null | undefined>): TextPart[] {
	const values = content.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
	const marked = new Array<boolean>(text.length).fill(false);
	for (const value of [...values].sort((a, b) => b.length - a.length)) {
		for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) marked.fill(true, at, at + value.length);
	}
	for (const run of text.matchAll(JAPANESE_RUN)) {
		if (values.some((value) => value.includes(run[0]))) marked.fill(true, run.index, run.index + run[0].length);
	}
	const parts: TextPart[] = [];
	for (let i = 0; i < text.length; i++) {
		const last = parts.at(-1);
		if (last && last.content === marked[i]) last.text += text[i];
		else parts.push({ text: text[i], content: marked[i] });
	}
	return parts;
}

/**
 * The Japanese words an English interface string quotes on purpose ("general help desk
 * (なんでも相談窓口)", "e.g. 「体操」"): they are marked as Japanese like content.
 */
export function quotedJapanese(text: string): string[] {
	return [...text.matchAll(JAPANESE_RUN)].map((run) => run[0]);
}
