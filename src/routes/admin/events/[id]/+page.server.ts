import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { ForbiddenError, isCurator, requireUser } from '$lib/server/auth/permissions';
import {
	approveEventRequest,
	assertCanEditEvent,
	changeEventDate,
	deleteEvent,
	eventFormValues,
	readStoredEvent,
	rejectEventRequest,
	setEventStatus,
	updateEvent
} from '$lib/server/admin/events';
import { eventContext, eventFailure, eventFormOptions, postedEvent } from '$lib/server/admin/event-routes';
import { eventRequestsOf } from '$lib/server/admin/event-requests';
import { AUDIT_ACTION_LABELS, auditTrail } from '$lib/server/admin/audit';
import { loadEvent } from '$lib/server/events/store';
import { eventView } from '$lib/server/events/view';
import type { SessionUser } from '$lib/server/auth/types';
import { InputError } from '$lib/server/admin/workflow';

function requireEditable(user: SessionUser, id: string) {
	const { db } = getApp();
	const stored = readStoredEvent(db, id);
	if (!stored) error(404, '指定されたイベントは見つかりません。');
	try {
		assertCanEditEvent(user, stored.organizationId);
	} catch (caught) {
		if (caught instanceof ForbiddenError) error(403, caught.message);
		throw caught;
	}
	return stored;
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const stored = requireEditable(user, event.params.id);
	const app = getApp();
	return {
		id: stored.id,
		status: stored.status,
		recurring: stored.rrule !== null,
		canReview: isCurator(user),
		requests: eventRequestsOf(app.db, stored.id),
		created: event.url.searchParams.has('created'),
		values: eventFormValues(app.db, stored.id),
		options: eventFormOptions(user),
		view: eventView(loadEvent(app.db, stored.id)!, app.now(), 16),
		history: auditTrail(app.db, 'event', stored.id, 30).map((entry) => ({
			id: entry.id,
			at: entry.at,
			userName: entry.userName,
			label: AUDIT_ACTION_LABELS[entry.action] ?? entry.action
		}))
	};
};

const dateChange = z.object({
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	kind: z.enum(['cancel', 'skip', 'move', 'restore']),
	note: z.string().max(200).optional(),
	newDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
	newStartTime: z.string().regex(/^\d{2}:\d{2}$/).optional(),
	newEndTime: z.string().regex(/^\d{2}:\d{2}$/).optional()
});

const SUBMITTED_NOTICE = '変更を申請しました。市・社協が確認して承認するまで、公開ページは今の内容のままです。';

function statusAction(action: 'publish' | 'cancel' | 'restore') {
	return async (event: Parameters<Actions[string]>[0]) => {
		const user = requireUser(event);
		try {
			await setEventStatus(eventContext(), user, event.params.id!, action);
		} catch (caught) {
			return eventFailure(caught, null);
		}
		return { notice: action === 'cancel' ? 'イベント全体を中止にしました。' : '公開しました。' };
	};
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { values, input, invalid } = await postedEvent(event);
		if (invalid) return invalid;
		try {
			const outcome = await updateEvent(eventContext(), user, event.params.id, input);
			return { notice: outcome.kind === 'submitted' ? SUBMITTED_NOTICE : '保存しました。' };
		} catch (caught) {
			return eventFailure(caught, values);
		}
	},
	publish: statusAction('publish'),
	cancel: statusAction('cancel'),
	restore: statusAction('restore'),
	date: async (event) => {
		const user = requireUser(event);
		const form = Object.fromEntries([...(await event.request.formData())].filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
		const parsed = dateChange.safeParse(form);
		if (!parsed.success || (parsed.data.kind === 'move' && !parsed.data.newDate)) {
			return fail(400, { dateError: '日付の変更を確かめてください（移動するときは新しい日付が必要です）。' });
		}
		try {
			const outcome = await changeEventDate(eventContext(), user, event.params.id, parsed.data);
			if (outcome.kind === 'submitted') return { notice: SUBMITTED_NOTICE };
		} catch (caught) {
			return eventFailure(caught, null);
		}
		const labels = { cancel: '中止にしました', skip: '休みにしました', move: '日時を変えました', restore: '元に戻しました' };
		return { notice: `${parsed.data.date} を${labels[parsed.data.kind]}。` };
	},
	/** A curator accepts an organisation editor's proposal (curators only, checked in approveEventRequest). */
	approveRequest: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		try {
			await approveEventRequest(eventContext(), user, String(form.get('request') ?? ''));
		} catch (caught) {
			return eventFailure(caught, null);
		}
		return { notice: '申請を承認して公開ページに反映しました。' };
	},
	rejectRequest: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const comment = String(form.get('comment') ?? '');
		try {
			await rejectEventRequest(eventContext(), user, String(form.get('request') ?? ''), comment);
		} catch (caught) {
			if (caught instanceof InputError) return fail(400, { requestError: Object.values(caught.errors).join(' '), comment });
			return eventFailure(caught, null);
		}
		return { notice: '申請を却下しました。' };
	},
	delete: async (event) => {
		const user = requireUser(event);
		try {
			await deleteEvent(eventContext(), user, event.params.id);
		} catch (caught) {
			return eventFailure(caught, null);
		}
		redirect(303, '/admin/events');
	}
};
