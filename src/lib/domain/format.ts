/** Japanese date and distance wording shared by the public pages. */
import { formatDistance, walkingMinutes } from '$lib/domain/geo';
import type { Language } from '$lib/domain/i18n/languages';

const westernDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
// The Japanese calendar gives 和暦: "令和8年3月5日".
const japaneseEraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
	era: 'long',
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	timeZone: 'Asia/Tokyo'
});
const weekdayShort = new Intl.DateTimeFormat('ja-JP', { weekday: 'short', timeZone: 'Asia/Tokyo' });
const clock = new Intl.DateTimeFormat('ja-JP', { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Tokyo' });

/** 'YYYY-MM-DD' (or a full ISO instant) → a Date; a bare date is read as that day in Japan. */
function toDate(value: string): Date | null {
	const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026年3月5日（令和8年3月5日）" — both calendars, as older readers and forms use 和暦. */
export function formatDateBothCalendars(value: string | null): string | null {
	const date = value ? toDate(value) : null;
	if (!date) return null;
	return `${westernDate.format(date)}（${japaneseEraDate.format(date)}）`;
}

const englishDate = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Tokyo' });

/** A day in the reader's language: "Mar 5, 2026" in English, both Japanese calendars otherwise. */
export function formatDateForReader(value: string | null, language: Language): string | null {
	if (language !== 'en') return formatDateBothCalendars(value);
	const date = value ? toDate(value) : null;
	return date ? englishDate.format(date) : null;
}

/** "2026年3月5日 10:05" for a moment in the admin (Japan time). */
export function formatDateTime(value: string): string {
	const date = toDate(value);
	return date ? `${westernDate.format(date)} ${clock.format(date)}` : value;
}

/** "2026年3月5日（木）" */
export function formatDateWithWeekday(value: string): string {
	const date = toDate(value);
	return date ? `${westernDate.format(date)}（${weekdayShort.format(date)}）` : value;
}

/** "2026年3月5日（木） 10:00〜11:30" for an event. */
export function formatEventTime(startsAt: string, endsAt: string | null): string {
	const start = toDate(startsAt);
	if (!start) return startsAt;
	const end = endsAt ? toDate(endsAt) : null;
	const startClock = clock.format(start);
	const range = end ? `${startClock}〜${clock.format(end)}` : `${startClock}〜`;
	return `${formatDateWithWeekday(startsAt)} ${range}`;
}

/** "約 650 m（徒歩9分）" */
export function formatWalk(meters: number): string {
	return `約 ${formatDistance(meters)}（徒歩${walkingMinutes(meters)}分）`;
}

/** "〒780-0935" from "7800935" or "780-0935". */
export function formatPostalCode(code: string | null): string | null {
	if (!code) return null;
	const digits = code.normalize('NFKC').replace(/\D/g, '');
	return digits.length === 7 ? `〒${digits.slice(0, 3)}-${digits.slice(3)}` : `〒${code}`;
}

/** A phone number as a tel: link target (digits and + only). */
export function telHref(phone: string): string {
	return `tel:${phone.normalize('NFKC').replace(/[^\d+]/g, '')}`;
}
