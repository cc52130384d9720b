/** Glue between the 相談記録メモ pages and the memo service: the form's choices, save and referral search. */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '../app';
import { districts } from '../areas';
import { ForbiddenError, requireDesk } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import type { MemoFieldErrors, MemoFormValues } from '../../domain/memo';
import { MemoInputError, MemoNotFoundError, desksOf, memoValuesFromForm, referralNames } from './memos';

export interface ReferralChoice {
	id: string;
	name: string;
}

export interface MemoFormResult {
	values: MemoFormValues;
	errors: MemoFieldErrors;
	referralQuery?: string;
	/** Listings offered to pick from: the search's hits plus those already picked. */
	choices?: ReferralChoice[];
	saved?: boolean;
}

export function memoFormOptions(user: SessionUser) {
	const { db } = getApp();
	return { desks: desksOf(db, user), areas: districts(getApp()) };
}

/** The picked listings' names, so a re-shown form keeps them. */
export function pickedChoices(values: MemoFormValues): ReferralChoice[] {
	return referralNames(getApp().db, values.referredServiceIds);
}

/** 「つなぎ先を検索」: a form action (works without JS) that answers with the whole form and the hits to pick from. */
export async function findReferrals(event: RequestEvent): Promise<MemoFormResult> {
	requireDesk(event);
	const form = await event.request.formData();
	const values = memoValuesFromForm(form);
	const referralQuery = String(form.get('referralQuery') ?? '').trim().slice(0, 100);
	const picked = pickedChoices(values);
	if (!referralQuery) return { values, errors: { referredServiceIds: '探す言葉を入力してください（例：シルバー人材センター）。' }, referralQuery, choices: picked };
	const { result } = await getApp().search.search({ q: referralQuery, sort: 'relevance', page: 1, perPage: 10 });
	const hits = result.hits.filter((hit) => !values.referredServiceIds.includes(hit.id)).map(({ id, name }) => ({ id, name }));
	return { values, errors: {}, referralQuery, choices: [...picked, ...hits] };
}

/** Service errors as HTTP: other desk's memo → 403, unknown → 404, bad input → 400 with the values back. */
export function memoFailure(caught: unknown, values: MemoFormValues) {
	if (caught instanceof ForbiddenError) error(403, caught.message);
	if (caught instanceof MemoNotFoundError) error(404, caught.message);
	if (caught instanceof MemoInputError) {
		return fail(400, { values, errors: caught.errors, choices: pickedChoices(values) } satisfies MemoFormResult);
	}
	throw caught;
}
