/** The shapes the public components render (built on the server from search hits and listings). */
import type { SearchHit } from '$lib/domain/search';
import type { Field } from '$lib/domain/taxonomy';

/** A search hit plus what a list needs to be useful on its own and on paper. */
export interface ListingSummary extends SearchHit {
	/** The 地区 the listing is in. */
	district: string | null;
	/** The first phone number, for 電話する and printed lists. */
	phone: string | null;
	/** The first FAX number (still how many desks refer people). */
	fax: string | null;
	/** When it is open or meets: "毎月第2・第4火曜 10:00〜11:30", "月〜金 9:00〜18:00". */
	when: string[];
	/** 次回: the next dates it meets ("12月8日（火） 10:00〜11:30"), at most three. */
	next?: string[];
}

/** One marker on a map; its popup shows the name, kind, 電話 and a link to `href`. */
export interface MapPoint {
	id: string;
	name: string;
	field: Field;
	lat: number;
	lng: number;
	/** 「サロン・通いの場」: the listing's kinds, or its field. */
	kind?: string;
	phone?: string | null;
	href?: string;
}

export type { MapTiles } from '$lib/domain/map';

/** An area (地区, 小学校区, 中学校区) offered in the search form. */
export interface AreaOption {
	id: string;
	kind: string;
	slug: string;
	name: string;
}

/** An active search condition and the link that removes it. */
export interface FilterChip {
	label: string;
	href: string;
}

/** One listing as a print view shows it, with what the view adds (note, QR code). */
export interface PrintItem {
	listing: ListingSummary;
	/** What it offers, in one or two short sentences. */
	offers?: string | null;
	/** The supporter's note (つなぎ先リスト). */
	note?: string | null;
	/** A QR code (PNG data URL) that opens `url`. */
	qr?: { dataUrl: string; url: string } | null;
}
