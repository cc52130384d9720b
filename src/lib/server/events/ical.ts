/**
 * iCalendar (RFC 5545) feeds of events. A recurring event is one VEVENT with its RRULE and EXDATEs
 * (休み and 中止 dates), never expanded copies; a moved date is an override VEVENT with the same UID
 * and a RECURRENCE-ID. Times carry TZID=Asia/Tokyo with its VTIMEZONE; UIDs are the event ids, so
 * a subscribed calendar updates events instead of duplicating them.
 */
import type { EventRecord } from '../../domain/event';
import { eventSeries } from '../../domain/event';
import { expandOccurrences } from '../../domain/recurrence';

const TZID = 'Asia/Tokyo';
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TZID}`,
	'BEGIN:STANDARD',
	'DTSTART:19700101T000000',
	'TZOFFSETFROM:+0900',
	'TZOFFSETTO:+0900',
	'TZNAME:JST',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/** TEXT values: backslash, semicolon, comma and newlines escaped. */
function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets folded (UTF-8 aware: a character is never split). */
function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const ch of line) {
		const bytes = encoder.encode(ch).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (size + bytes > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += ch;
		size += bytes;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

/** '2026-12-08' + '10:00' → '20261208T100000' (local time, used with TZID). */
function localDateTime(date: string, time: string): string {
	return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** An ISO instant with +09:00 → its local date-time form. */
function localFromIso(iso: string): string {
	return localDateTime(iso.slice(0, 10), iso.slice(11, 16));
}

function utcStamp(iso: string): string {
	const date = new Date(iso);
	return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The stored rule with UNTIL in UTC, as RFC 5545 requires with a zoned DTSTART: the app's UNTIL
 * means "to the end of that Japanese day" (23:59:59 JST = 14:59:59 UTC).
 */
function exportedRule(rrule: string): string {
	return rrule.replace(/^RRULE:/, '').replace(/UNTIL=(\d{8})(T\d{6}Z?)?/, (_, date: string) => `UNTIL=${date}T145959Z`);
}

function eventDescription(event: EventRecord, url: string): string {
	const lines = [
		event.description ?? '',
		event.fee ? `費用：${event.fee}` : '',
		event.capacity !== null ? `定員：${event.capacity}人` : '',
		event.howToApply ? `申し込み：${event.howToApply}` : '',
		event.targets.length > 0 ? `対象：${event.targets.join('・')}` : '',
		url
	];
	return lines.filter(Boolean).join('\n');
}

function vevent(event: EventRecord, baseUrl: string): string[] {
	const url = `${baseUrl}/events/${event.id}`;
	const series = eventSeries(event);
	const uid = `${event.id}@tsunagi`;
	const stamp = utcStamp(event.updatedAt);
	const common = [
		`SUMMARY:${escapeText(event.title)}`,
		`DESCRIPTION:${escapeText(eventDescription(event, url))}`,
		...(event.place ? [`LOCATION:${escapeText([event.place.name, event.place.address].filter(Boolean).join(' '))}`] : []),
		...(event.place?.lat != null && event.place.lng != null ? [`GEO:${event.place.lat};${event.place.lng}`] : []),
		...(event.field ? [`CATEGORIES:${escapeText(event.field)}`] : []),
		`URL:${url}`,
		`STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`
	];
	const times = (date: string, startTime: string | null, endTime: string | null): string[] => {
		// The one expansion gives the end (the next morning when it ends after midnight).
		const [occurrence] = expandOccurrences({ rrule: null, dtstart: date, startTime, endTime }, date, date);
		return [
			`DTSTART;TZID=${TZID}:${localFromIso(occurrence.startsAt!)}`,
			...(occurrence.endsAt ? [`DTEND;TZID=${TZID}:${localFromIso(occurrence.endsAt)}`] : [])
		];
	};
	const main = ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${stamp}`, ...times(series.dtstart!, series.startTime ?? '00:00', series.endTime), ...common];
	const overrides: string[] = [];
	if (event.rrule) {
		main.push(`RRULE:${exportedRule(event.rrule)}`);
		const excluded = event.exceptions.filter((exception) => exception.kind !== 'move');
		if (excluded.length > 0) {
			main.push(`EXDATE;TZID=${TZID}:${excluded.map((exception) => localDateTime(exception.date, series.startTime ?? '00:00')).join(',')}`);
		}
		for (const moved of event.exceptions.filter((exception) => exception.kind === 'move' && exception.newDate)) {
			overrides.push(
				'BEGIN:VEVENT',
				`UID:${uid}`,
				`DTSTAMP:${stamp}`,
				`RECURRENCE-ID;TZID=${TZID}:${localDateTime(moved.date, series.startTime ?? '00:00')}`,
				...times(moved.newDate!, moved.newStartTime ?? series.startTime ?? '00:00', moved.newEndTime ?? series.endTime),
				...common,
				'END:VEVENT'
			);
		}
	}
	main.push('END:VEVENT');
	return [...main, ...overrides];
}

/** A whole VCALENDAR (CRLF line ends, folded lines). */
export function buildCalendar(events: readonly EventRecord[], options: { name: string; baseUrl: string }): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Tsunagi//Community Calendar//JA',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(options.name)}`,
		`X-WR-TIMEZONE:${TZID}`,
		...VTIMEZONE,
		...events.flatMap((event) => vevent(event, options.baseUrl)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The HTTP answer for a feed: text/calendar, a file name for downloads, short caching. */
export function calendarResponse(body: string, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="${fileName}"`,
			'cache-control': 'public, max-age=300'
		}
	});
}
