/** A listing (HSDS service) whole, as the detail page and `GET /api/services/:id` show it. */
import type { WeeklySpan } from './hours';
import type { Field, ServiceStatus, Target } from './taxonomy';

export interface ListingContact {
	kind: 'phone' | 'fax' | 'email' | 'url';
	value: string;
	role: string | null;
}

export interface ListingLocation {
	id: string;
	name: string | null;
	postalCode: string | null;
	prefecture: string;
	city: string;
	addressLine: string | null;
	building: string | null;
	lat: number | null;
	lng: number | null;
	access: string | null;
	accessibility: string[];
	areas: Array<{ id: string; kind: string; slug: string; name: string }>;
}

export interface ListingSession {
	id: string;
	rrule: string;
	dtstart: string | null;
	opensAt: string | null;
	closesAt: string | null;
	note: string | null;
	/** "毎月第2・第4火曜 10:00〜11:30" */
	description: string;
}

export interface ListingEvent {
	id: string;
	title: string;
	description: string | null;
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
	fee: string | null;
	capacity: number | null;
	howToApply: string | null;
}

export interface DeskCertification {
	scheme: string;
	certifiedOn: string;
	areaNames: string[];
}

export interface Listing {
	id: string;
	name: string;
	kana: string | null;
	field: Field;
	status: ServiceStatus;
	description: string | null;
	fee: string | null;
	eligibility: string | null;
	howToApply: string | null;
	url: string | null;
	email: string | null;
	lastVerifiedAt: string | null;
	isSample: boolean;
	organization: { id: string; name: string; kana: string | null; kind: string; url: string | null };
	terms: Array<{ code: string; name: string }>;
	targets: Target[];
	tags: string[];
	locations: ListingLocation[];
	hours: WeeklySpan[];
	/** "月〜金 9:00〜12:30、14:00〜18:00" lines. */
	hoursText: string[];
	sessions: ListingSession[];
	contacts: ListingContact[];
	desk: DeskCertification | null;
	events: ListingEvent[];
}
