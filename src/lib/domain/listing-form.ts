/**
 * The listing editor's form values: exactly what the inputs hold (strings, as typed), so that a
 * form that fails validation comes back with nothing lost. The server turns them into a
 * validated ListingInput (src/lib/server/admin/listing-input.ts) and back.
 * Field names in the HTML are the dotted paths used here ("location.postalCode", "sessions.0.pattern");
 * validation errors are keyed by the same paths.
 */
import type { RecurrencePattern } from './recurrence';
import type { MapTiles } from './map';
import type { TermGroup } from './taxonomy';

/** Two spans a day cover split hours (午前・午後). */
export const HOURS_SLOTS_PER_DAY = 2;
/** Blank rows offered for new sessions and contacts (more after saving, or with 行を追加 when JS runs). */
export const BLANK_SESSION_ROWS = 1;
export const BLANK_CONTACT_ROWS = 1;

export interface TimeSpanValues {
	opensAt: string;
	closesAt: string;
}

/** 'keep' holds a rule the form cannot express (from an import), unchanged, in rawRRule. */
export type SessionPatternValue = RecurrencePattern | 'keep' | '';

export interface SessionValues {
	pattern: SessionPatternValue;
	weekdays: string[];
	/** '1'…'5', '-1' (最終) */
	nths: string[];
	/** "1, 15" */
	monthDays: string;
	opensAt: string;
	closesAt: string;
	note: string;
	rawRRule: string;
	/** First date 'YYYY-MM-DD' (the series' DTSTART: which weeks 隔週 meets), kept as stored; absent = none. */
	dtstart?: string;
	/** Last date 'YYYY-MM-DD', or the number of sessions: the end of the series, kept as stored. */
	until?: string;
	count?: string;
}

export interface ContactValues {
	kind: string;
	value: string;
	role: string;
}

export interface LocationValues {
	name: string;
	postalCode: string;
	addressLine: string;
	building: string;
	lat: string;
	lng: string;
	access: string;
	accessibility: string[];
	/** One selected area per kind (地区, 小学校区, 中学校区). */
	areaIds: string[];
}

export interface ListingFormValues {
	organizationId: string;
	name: string;
	nameKana: string;
	field: string;
	description: string;
	fee: string;
	eligibility: string;
	howToApply: string;
	url: string;
	email: string;
	termCodes: string[];
	targets: string[];
	tags: string[];
	location: LocationValues;
	/** [weekday 0 = 日 … 6 = 土][slot] */
	hours: TimeSpanValues[][];
	sessions: SessionValues[];
	contacts: ContactValues[];
}

/** Field path → Japanese message. '_form' holds a message about the whole form. */
export type FieldErrors = Record<string, string>;

export const PATTERN_LABELS: Record<RecurrencePattern, string> = {
	weekly: '毎週',
	biweekly: '隔週',
	'monthly-nth': '毎月第N曜日',
	'monthly-day': '毎月N日'
};

export const NTH_OPTIONS: ReadonlyArray<{ value: string; label: string }> = [
	{ value: '1', label: '第1' },
	{ value: '2', label: '第2' },
	{ value: '3', label: '第3' },
	{ value: '4', label: '第4' },
	{ value: '5', label: '第5' },
	{ value: '-1', label: '最終' }
];

export const CONTACT_KIND_LABELS: Record<string, string> = {
	phone: '電話',
	fax: 'FAX',
	email: 'メール',
	url: 'ウェブサイト'
};

export const ACCESSIBILITY_OPTIONS = ['段差なし', '車いす可', '駐車場あり', '多目的トイレ', 'エレベーター', '手すりあり'] as const;

export function blankSession(): SessionValues {
	return { pattern: '', weekdays: [], nths: [], monthDays: '', opensAt: '', closesAt: '', note: '', rawRRule: '', dtstart: '', until: '', count: '' };
}

export function blankContact(): ContactValues {
	return { kind: 'phone', value: '', role: '' };
}

export function blankHours(): TimeSpanValues[][] {
	return Array.from({ length: 7 }, () => Array.from({ length: HOURS_SLOTS_PER_DAY }, () => ({ opensAt: '', closesAt: '' })));
}

export function emptyListingValues(organizationId = ''): ListingFormValues {
	return {
		organizationId,
		name: '',
		nameKana: '',
		field: '',
		description: '',
		fee: '',
		eligibility: '',
		howToApply: '',
		url: '',
		email: '',
		termCodes: [],
		targets: [],
		tags: [],
		location: { name: '', postalCode: '', addressLine: '', building: '', lat: '', lng: '', access: '', accessibility: [], areaIds: [] },
		hours: blankHours(),
		sessions: [blankSession()],
		contacts: [blankContact()]
	};
}

/** A stable element id for a field path, for label/for and aria-describedby. */
export function fieldId(path: string): string {
	return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function errorId(path: string): string {
	return `${fieldId(path)}-error`;
}

/** An organisation the signed-in user may put a listing under. */
export interface OrganizationOption {
	id: string;
	name: string;
	kind: string;
}

/** An area offered in the location's 地区 / 小学校区 / 中学校区 selects. */
export interface AreaOption {
	id: string;
	name: string;
	kind: string;
}

/** What the listing editor needs besides the values (options and the map's tiles). */
export interface ListingFormOptions {
	organizations: OrganizationOption[];
	areas: Record<string, AreaOption[]>;
	/** The taxonomy terms of each field, as stored. */
	terms: TermGroup[];
	tiles: MapTiles;
}

/** What the editor's actions answer: the values as posted (or as helped), errors, a notice. */
export interface ListingFormResult {
	values: ListingFormValues;
	errors: FieldErrors;
	notice?: string;
}
