/**
 * Reads and writes whole listings for the editor. Reading goes through the shared loader
 * (getListing); writing replaces the listing's terms, targets, tags, schedules and contacts and
 * updates its main location, inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import { getListing } from '../listings';
import type { ServiceStatus } from '../../domain/taxonomy';
import type { FieldErrors } from '../../domain/listing-form';
import { listingToInput, type ListingInput, type LocationInput } from './listing-input';
import { loadCityProfile } from '../city-profile';

/** A drizzle transaction (or the database itself) for the better-sqlite3 driver. */
export type Tx = Parameters<Parameters<AppDatabase['transaction']>[0]>[0] | AppDatabase;

export interface StoredListing {
	id: string;
	status: ServiceStatus;
	organizationId: string;
	lastVerifiedAt: string | null;
	updatedAt: string;
	input: ListingInput;
}

export function readListing(db: AppDatabase, id: string): StoredListing | null {
	const listing = getListing(db, id, { publishedOnly: false });
	if (!listing) return null;
	const row = db.select({ updatedAt: t.services.updatedAt }).from(t.services).where(eq(t.services.id, id)).get()!;
	return {
		id,
		status: listing.status,
		organizationId: listing.organization.id,
		lastVerifiedAt: listing.lastVerifiedAt,
		updatedAt: row.updatedAt,
		input: listingToInput(listing)
	};
}

/** The organisation a listing belongs to, or null when there is no such listing. */
export function listingOrganizationId(db: AppDatabase, id: string): string | null {
	return db.select({ organizationId: t.services.organizationId }).from(t.services).where(eq(t.services.id, id)).get()?.organizationId ?? null;
}

/**
 * What the zod schema cannot know: that the organisation, the areas and the taxonomy terms exist.
 * Errors are keyed like the form's fields.
 */
export function checkReferences(db: Tx, input: ListingInput): FieldErrors {
	const errors: FieldErrors = {};
	if (!db.select({ id: t.organizations.id }).from(t.organizations).where(eq(t.organizations.id, input.organizationId)).get()) {
		errors.organizationId = '選んだ団体が見つかりません。一覧から選び直してください。';
	}
	if (input.termCodes.length > 0) {
		const found = db.select({ code: t.taxonomyTerms.code }).from(t.taxonomyTerms).where(inArray(t.taxonomyTerms.code, input.termCodes)).all();
		if (found.length !== input.termCodes.length) errors.termCodes = '登録されていない分類が含まれています。選び直してください。';
	}
	const areaIds = input.location?.areaIds ?? [];
	if (areaIds.length > 0) {
		const found = db.select({ id: t.areas.id, kind: t.areas.kind }).from(t.areas).where(inArray(t.areas.id, areaIds)).all();
		if (found.length !== areaIds.length) errors['location.areaIds'] = '登録されていない地域が含まれています。選び直してください。';
		else if (new Set(found.map((area) => area.kind)).size !== found.length) errors['location.areaIds'] = '地域は種類ごとに1つずつ選んでください。';
	}
	return errors;
}

function primaryLocationId(db: Tx, serviceId: string): string | null {
	return (
		db
			.select({ locationId: t.serviceLocations.locationId })
			.from(t.serviceLocations)
			.where(eq(t.serviceLocations.serviceId, serviceId))
			.orderBy(sql`rowid`) // the same "first location" the loader and the search index use
			.limit(1)
			.get()?.locationId ?? null
	);
}

/** Whether the stored place already is what the input says (its fields and its areas). */
function sameLocation(db: Tx, locationId: string, input: LocationInput): boolean {
	const row = db.select().from(t.locations).where(eq(t.locations.id, locationId)).get();
	if (!row) return false;
	const { areaIds, accessibility, ...fields } = input;
	const areas = db.select({ areaId: t.locationAreas.areaId }).from(t.locationAreas).where(eq(t.locationAreas.locationId, locationId)).all();
	return (
		(Object.keys(fields) as Array<keyof typeof fields>).every((key) => row[key] === fields[key]) &&
		row.accessibility === JSON.stringify(accessibility) &&
		JSON.stringify(areas.map((area) => area.areaId).sort()) === JSON.stringify([...areaIds].sort())
	);
}

/**
 * The location row this listing may change: its own main location, or a fresh copy when the row
 * is shared with other listings (so editing one listing never moves another organisation's).
 */
function writeLocation(db: Tx, serviceId: string, input: ListingInput, now: string): void {
	const currentId = primaryLocationId(db, serviceId);
	if (!input.location) {
		if (currentId) db.delete(t.serviceLocations).where(and(eq(t.serviceLocations.serviceId, serviceId), eq(t.serviceLocations.locationId, currentId))).run();
		return;
	}
	const { areaIds, accessibility, ...fields } = input.location;
	const values = { ...fields, accessibility: JSON.stringify(accessibility), updatedAt: now };
	const shared =
		currentId !== null &&
		db
			.select({ id: t.serviceLocations.id })
			.from(t.serviceLocations)
			.where(and(eq(t.serviceLocations.locationId, currentId), ne(t.serviceLocations.serviceId, serviceId)))
			.get() !== undefined;
	// A shared place saved as it is stays shared (an unchanged row of a CSV import, for one).
	if (currentId && shared && sameLocation(db, currentId, input.location)) return;
	let locationId = currentId;
	if (locationId && !shared) {
		db.update(t.locations).set(values).where(eq(t.locations.id, locationId)).run();
	} else {
		locationId = randomUUID();
		// A new place is in the configured city (the editor and the CSV take 町名・番地 only).
		const { prefecture, city } = loadCityProfile();
		db.insert(t.locations).values({ id: locationId, organizationId: input.organizationId, prefecture, city, ...values }).run();
		if (currentId) {
			db.update(t.serviceLocations)
				.set({ locationId })
				.where(and(eq(t.serviceLocations.serviceId, serviceId), eq(t.serviceLocations.locationId, currentId)))
				.run();
		} else {
			db.insert(t.serviceLocations).values({ id: randomUUID(), serviceId, locationId }).run();
		}
	}
	db.delete(t.locationAreas).where(eq(t.locationAreas.locationId, locationId)).run();
	for (const areaId of areaIds) db.insert(t.locationAreas).values({ locationId, areaId }).run();
	// Schedules may point at a location; keep them on the one the listing uses now.
	db.update(t.schedules).set({ locationId }).where(eq(t.schedules.serviceId, serviceId)).run();
}

function writeChildren(db: Tx, serviceId: string, input: ListingInput): void {
	db.delete(t.serviceTerms).where(eq(t.serviceTerms.serviceId, serviceId)).run();
	if (input.termCodes.length > 0) {
		const terms = db.select({ id: t.taxonomyTerms.id }).from(t.taxonomyTerms).where(inArray(t.taxonomyTerms.code, input.termCodes)).all();
		for (const term of terms) db.insert(t.serviceTerms).values({ serviceId, termId: term.id }).run();
	}
	db.delete(t.serviceTargets).where(eq(t.serviceTargets.serviceId, serviceId)).run();
	for (const target of input.targets) db.insert(t.serviceTargets).values({ serviceId, target }).run();
	db.delete(t.serviceTags).where(eq(t.serviceTags.serviceId, serviceId)).run();
	for (const tag of input.tags) db.insert(t.serviceTags).values({ serviceId, tag }).run();
	db.delete(t.contacts).where(eq(t.contacts.serviceId, serviceId)).run();
	input.contacts.forEach((contact, sortOrder) =>
		db.insert(t.contacts).values({ id: randomUUID(), serviceId, kind: contact.kind, value: contact.value, role: contact.role, sortOrder }).run()
	);
	db.delete(t.schedules).where(eq(t.schedules.serviceId, serviceId)).run();
	const locationId = primaryLocationId(db, serviceId);
	for (const span of input.hours) {
		db.insert(t.schedules)
			.values({ id: randomUUID(), serviceId, locationId, kind: 'hours', weekday: span.weekday, opensAt: span.opensAt, closesAt: span.closesAt })
			.run();
	}
	for (const session of input.sessions) {
		db.insert(t.schedules)
			.values({ id: randomUUID(), serviceId, locationId, kind: 'session', rrule: session.rrule, dtstart: session.dtstart, opensAt: session.opensAt, closesAt: session.closesAt, note: session.note })
			.run();
	}
}

function serviceColumns(input: ListingInput) {
	return {
		organizationId: input.organizationId,
		name: input.name,
		nameKana: input.nameKana,
		field: input.field,
		description: input.description,
		fee: input.fee,
		eligibility: input.eligibility,
		howToApply: input.howToApply,
		url: input.url,
		email: input.email
	};
}

export function insertListing(db: Tx, input: ListingInput, status: ServiceStatus, now = new Date().toISOString()): string {
	const id = randomUUID();
	db.insert(t.services)
		.values({ id, ...serviceColumns(input), status, createdAt: now, updatedAt: now })
		.run();
	writeLocation(db, id, input, now);
	writeChildren(db, id, input);
	return id;
}

/** Replaces the editable part of a listing; status and 最終確認日 stay as they are. */
export function replaceListing(db: Tx, id: string, input: ListingInput, now = new Date().toISOString()): void {
	db.update(t.services)
		.set({ ...serviceColumns(input), updatedAt: now })
		.where(eq(t.services.id, id))
		.run();
	writeLocation(db, id, input, now);
	writeChildren(db, id, input);
}
