/**
 * 相談記録メモ: the controlled lists (data/memo-options.json), the form's validation and the rule
 * that a memo never holds personal data — the form has no field for a name, address or phone,
 * and the short note is refused when it looks like one.
 */
import { z } from 'zod';
import optionsData from '../../../data/memo-options.json';

const nonEmptyList = z.array(z.string().min(1)).min(1);
export const MEMO_OPTIONS = z
	.object({ categories: nonEmptyList, channels: nonEmptyList, ageBands: nonEmptyList, households: nonEmptyList, outcomes: nonEmptyList })
	.parse(optionsData);

export const MAX_MEMO_NOTE = 100;
export const MAX_REFERRALS = 10;

/** Words before さん/様 that name a role, not a person (「民生委員さん」 is fine). */
const ROLE_WORDS = ['民生委員', '薬剤師', 'ケアマネ', 'ヘルパー', '職員', '保健師', '相談員', '先生', '家族', '近所の人', '大家', '管理人', '店員', '社協'];

/** Why a note cannot be stored, in Japanese, or null when it holds nothing personal. */
export function personalDataProblem(note: string): string | null {
	const text = note.normalize('NFKC');
	if (/[\w.+-]+@[\w-]+(\.[\w-]+)+/.test(text)) return 'メールアドレスのような文字が含まれています。';
	const digits = text.replace(/[\s()\-‐－ー−–]/g, '');
	if (/\d{10,11}/.test(digits) || /0\d{1,4}[-‐－ー−(（]\d{1,4}[-‐－ー−)）]\d{3,4}/.test(text)) return '電話番号のような数字が含まれています。';
	if (/\d+\s*(丁目|番地|番|号)|\d+[-‐－ー−]\d+[-‐－ー−]\d+/.test(text)) return '住所（番地）のような文字が含まれています。';
	for (const match of text.matchAll(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー〇○A-Za-z]{1,8})(さん|様|さま|氏|君|くん|ちゃん)/gu)) {
		if (!ROLE_WORDS.some((role) => match[1].endsWith(role))) return `「${match[0]}」のような人の名前が含まれています。`;
	}
	return null;
}

const oneOf = (values: string[], message: string) => z.string().refine((value) => values.includes(value), { message });

export const MemoInputSchema = z.object({
	deskServiceId: z.string().min(1, { message: '窓口を選んでください。' }),
	consultedOn: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { message: '相談日を入力してください。' })
		.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+09:00`)), { message: '相談日が正しくありません。' }),
	channel: oneOf(MEMO_OPTIONS.channels, '相談の方法を選んでください。'),
	areaId: z.string().min(1, { message: '地区を選んでください。' }),
	categories: z
		.array(oneOf(MEMO_OPTIONS.categories, '相談の内容は一覧から選んでください。'))
		.min(1, { message: '相談の内容を1つ以上選んでください。' }),
	ageBand: oneOf(MEMO_OPTIONS.ageBands, '年代を選んでください。'),
	household: oneOf(MEMO_OPTIONS.households, '世帯の状況を選んでください。'),
	referredServiceIds: z.array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/)).max(MAX_REFERRALS, { message: `つなぎ先は${MAX_REFERRALS}件までです。` }),
	outcome: oneOf(MEMO_OPTIONS.outcomes, '結果を選んでください。'),
	note: z
		.string()
		.trim()
		.max(MAX_MEMO_NOTE, { message: `ひとことメモは${MAX_MEMO_NOTE}文字までです。` })
		.superRefine((note, context) => {
			const problem = personalDataProblem(note);
			if (problem) context.addIssue({ code: 'custom', message: `${problem}個人がわかる情報（名前・住所・電話番号・メール）は書かないでください。` });
		})
});

export type MemoInput = z.infer<typeof MemoInputSchema>;

/** The form's values as posted (strings), kept so a refused form loses nothing. */
export interface MemoFormValues {
	deskServiceId: string;
	consultedOn: string;
	channel: string;
	areaId: string;
	categories: string[];
	ageBand: string;
	household: string;
	referredServiceIds: string[];
	outcome: string;
	note: string;
}

export type MemoFieldErrors = Partial<Record<keyof MemoFormValues, string>>;

/** Counts under this are shown as 「3未満」 in reports, so no one can be picked out. */
export const SMALL_NUMBER_LIMIT = 3;

export function maskSmall(count: number): string {
	return count > 0 && count < SMALL_NUMBER_LIMIT ? `${SMALL_NUMBER_LIMIT}未満` : String(count);
}
