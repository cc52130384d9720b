/**
 * Organisation editors' proposed changes of public events, as curators review them: who asked,
 * when, and field by field what would change (in the words of the form).
 */
import type { AppDatabase } from '../db';
import type { SessionUser } from '../auth/types';
import { isCurator } from '../auth/permissions';
import { describeRecurrence } from '../../domain/recurrence';
import { localTime } from '../../domain/event';
import type { FieldChange } from './diff';
import { parseEventValues, type EventInput } from './event-input';
import { eventFormValues, type EventProposal } from './events';

export interface EventRequestRow {
	id: string;
	eventId: string;
	eventTitle: string;
	organizationName: string | null;
	submittedByName: string | null;
	createdAt: string;
	status: 'pending' | 'approved' | 'rejected';
	reviewComment: string | null;
	changes: FieldChange[];
}

const when = (input: EventInput) => `${input.startsAt.slice(0, 10)} ${localTime(input.startsAt)}${input.endsAt ? `〜${localTime(input.endsAt)}` : ''}`;

/** The event's fields in the order the form shows them. */
const FIELD_READERS: ReadonlyArray<[string, (input: EventInput) => string]> = [
	['イベント名', (e) => e.title],
	['よみがな', (e) => e.titleKana ?? ''],
	['内容', (e) => e.description ?? ''],
	['掲載ID', (e) => e.serviceId ?? ''],
	['会場', (e) => (e.place ? `${e.place.name ?? ''} ${e.place.addressLine}`.trim() : '')],
	['初回の日時', when],
	['くり返し', (e) => (e.rrule ? describeRecurrence(e.rrule, e.startsAt.slice(0, 10)) : '1回だけ')],
	['分野', (e) => e.field ?? ''],
	['対象', (e) => e.targets.join('、')],
	['費用', (e) => e.fee ?? ''],
	['定員', (e) => (e.capacity === null ? '' : String(e.capacity))],
	['申し込み方法', (e) => e.howToApply ?? '']
];

/** What accepting the proposal would change on the event as it is now. */
export function describeProposal(db: AppDatabase, eventId: string, proposal: EventProposal): FieldChange[] {
	if ('date' in proposal) {
		const { date, newDate, newStartTime, newEndTime } = proposal.date;
		const time = newStartTime ? ` ${newStartTime}${newEndTime ? `〜${newEndTime}` : ''}` : '';
		return [{ label: '日時の変更（振替）', before: date, after: `${newDate ?? date}${time}` }];
	}
	const parsed = parseEventValues(eventFormValues(db, eventId));
	// A linked event without its own field takes its listing's (as the stored event does).
	const withField = (input: EventInput): EventInput =>
		input.field || !input.serviceId
			? input
			: { ...input, field: (db.$client.prepare('SELECT field FROM services WHERE id = ?').pluck().get(input.serviceId) as EventInput['field']) ?? null };
	const changes: FieldChange[] = [];
	for (const [label, read] of FIELD_READERS) {
		const before = parsed.ok ? read(withField(parsed.input)) : '';
		const after = read(withField(proposal.edit));
		if (before !== after) changes.push({ label, before, after });
	}
	return changes;
}

const REQUEST_SQL = `SELECT cr.id, cr.event_id AS eventId, e.title AS eventTitle, o.name AS organizationName, u.display_name AS submittedByName,
	cr.created_at AS createdAt, cr.status, cr.review_comment AS reviewComment, cr.payload
FROM change_requests cr JOIN events e ON e.id = cr.event_id
LEFT JOIN organizations o ON o.id = e.organization_id LEFT JOIN users u ON u.id = cr.submitted_by
WHERE cr.kind = 'event'`;

type RequestRecord = Omit<EventRequestRow, 'changes'> & { payload: string };

function withChanges(db: AppDatabase, rows: RequestRecord[]): EventRequestRow[] {
	return rows.map(({ payload, ...row }) => ({ ...row, changes: describeProposal(db, row.eventId, JSON.parse(payload) as EventProposal) }));
}

/** Waiting for a curator, oldest first (curators: all; organisation editors: their organisations'). */
export function pendingEventRequests(db: AppDatabase, actor: SessionUser): EventRequestRow[] {
	const curator = isCurator(actor);
	const rows = db.$client
		.prepare(`${REQUEST_SQL} AND cr.status = 'pending'${curator ? '' : ' AND e.organization_id IN (SELECT value FROM json_each(?))'} ORDER BY cr.created_at LIMIT 200`)
		.all(...(curator ? [] : [JSON.stringify(actor.organizationIds)])) as RequestRecord[];
	return withChanges(db, rows);
}

/** One event's requests, newest first (for its admin page). */
export function eventRequestsOf(db: AppDatabase, eventId: string): EventRequestRow[] {
	const rows = db.$client.prepare(`${REQUEST_SQL} AND cr.event_id = ? ORDER BY cr.created_at DESC LIMIT 20`).all(eventId) as RequestRecord[];
	return withChanges(db, rows);
}

/** New events from organisation editors, waiting for a curator to publish them. */
export function eventsAwaitingReview(db: AppDatabase, actor: SessionUser): Array<{ id: string; title: string; organizationName: string | null }> {
	const curator = isCurator(actor);
	return db.$client
		.prepare(
			`SELECT e.id, e.title, o.name AS organizationName FROM events e LEFT JOIN organizations o ON o.id = e.organization_id
			WHERE e.status = 'review'${curator ? '' : ' AND e.organization_id IN (SELECT value FROM json_each(?))'} ORDER BY e.created_at LIMIT 200`
		)
		.all(...(curator ? [] : [JSON.stringify(actor.organizationIds)])) as Array<{ id: string; title: string; organizationName: string | null }>;
}
