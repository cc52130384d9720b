/** The admin event form as typed (strings, so nothing is lost on a 400), shared by server and form. */
import type { RecurrencePattern } from './recurrence';

export type EventPattern = 'once' | RecurrencePattern;

export interface EventFormValues {
	title: string;
	titleKana: string;
	description: string;
	/** A listing id: the event is linked to it and held at its place. Empty: standalone. */
	serviceId: string;
	/** For a standalone event: who keeps it. */
	organizationId: string;
	placeName: string;
	addressLine: string;
	areaId: string;
	lat: string;
	lng: string;
	/** First date 'YYYY-MM-DD'. */
	date: string;
	startTime: string;
	endTime: string;
	pattern: EventPattern;
	weekdays: string[];
	nths: string[];
	monthDays: string;
	until: string;
	count: string;
	field: string;
	targets: string[];
	fee: string;
	capacity: string;
	howToApply: string;
}

export type EventFieldErrors = Partial<Record<keyof EventFormValues | 'form', string>>;

export function emptyEventValues(overrides: Partial<EventFormValues> = {}): EventFormValues {
	return {
		title: '',
		titleKana: '',
		description: '',
		serviceId: '',
		organizationId: '',
		placeName: '',
		addressLine: '',
		areaId: '',
		lat: '',
		lng: '',
		date: '',
		startTime: '',
		endTime: '',
		pattern: 'once',
		weekdays: [],
		nths: [],
		monthDays: '',
		until: '',
		count: '',
		field: '',
		targets: [],
		fee: '',
		capacity: '',
		howToApply: '',
		...overrides
	};
}

export function eventValuesFromForm(form: FormData): EventFormValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === 'string');
	const pattern = text('pattern');
	return emptyEventValues({
		title: text('title'),
		titleKana: text('titleKana'),
		description: text('description'),
		serviceId: text('serviceId'),
		organizationId: text('organizationId'),
		placeName: text('placeName'),
		addressLine: text('addressLine'),
		areaId: text('areaId'),
		lat: text('lat'),
		lng: text('lng'),
		date: text('date'),
		startTime: text('startTime'),
		endTime: text('endTime'),
		pattern: (['once', 'weekly', 'biweekly', 'monthly-nth', 'monthly-day'].includes(pattern) ? pattern : 'once') as EventPattern,
		weekdays: list('weekdays'),
		nths: list('nths'),
		monthDays: text('monthDays'),
		until: text('until'),
		count: text('count'),
		field: text('field'),
		targets: list('targets'),
		fee: text('fee'),
		capacity: text('capacity'),
		howToApply: text('howToApply')
	});
}
