/**
 * The data model, aligned with Open Referral HSDS 3.0 (organization, service, location,
 * service_at_location, schedule, phone/contact, taxonomy_term) plus the Japanese fields the
 * product needs (よみがな, 地区/小学校区/中学校区, 困りごと tags, desk certification).
 * Ids are UUIDs so listings keep their identity across HSDS import and export.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestamps = {
	createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
	updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
};

export const organizations = sqliteTable('organizations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	nameKana: text('name_kana'),
	/** 社会福祉法人, 薬局, NPO, 町内会, 市, 社協, 企業, 医療法人, 任意団体 */
	kind: text('kind').notNull(),
	description: text('description'),
	url: text('url'),
	email: text('email'),
	...timestamps
});

export const areas = sqliteTable(
	'areas',
	{
		id: text('id').primaryKey(),
		/** 市域, 地区, 小学校区, 中学校区 */
		kind: text('kind').notNull(),
		/** ASCII slug used in URLs (/areas/asahi). */
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		nameKana: text('name_kana'),
		parentId: text('parent_id'),
		/** GeoJSON Polygon/MultiPolygon, optional. */
		polygon: text('polygon'),
		centerLat: real('center_lat'),
		centerLng: real('center_lng'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [uniqueIndex('areas_kind_slug').on(t.kind, t.slug), index('areas_name').on(t.name)]
);

export const taxonomyTerms = sqliteTable('taxonomy_terms', {
	id: text('id').primaryKey(),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	nameKana: text('name_kana'),
	/** One of the five fields: 医療 介護 障害 子育て 地域資源 */
	field: text('field').notNull(),
	parentId: text('parent_id'),
	vocabulary: text('vocabulary').notNull().default('tsunagi-term'),
	/** Order within the field (built-in terms in their shipped order, added terms after them). */
	sortOrder: integer('sort_order').notNull().default(0),
	/** Set when a curator changed the term: seeding then leaves it alone. Null: as shipped. */
	editedAt: text('edited_at')
});

/**
 * 困りごと concepts: everyday words → where to look (tags, term codes). Seeded from
 * data/dictionaries/worries.json, edited by curators; the query planner compiles them.
 */
export const worryConcepts = sqliteTable('worry_concepts', {
	id: text('id').primaryKey(),
	/** Short Japanese label, unique (通院・移動). */
	concept: text('concept').notNull().unique(),
	/** One of the five fields, or null for a cross-field concept. */
	field: text('field'),
	/** JSON array of everyday words. */
	keys: text('keys').notNull(),
	/** JSON array of 'tag:…' / 'term:…', best first. */
	lookFor: text('look_for').notNull(),
	generic: integer('generic', { mode: 'boolean' }).notNull().default(false),
	/** JSON object: any other fields of the entry, kept as found in the file. */
	extra: text('extra').notNull().default('{}'),
	/** The entry's key in worries.json (its concept label as shipped); null for concepts added in the admin. */
	seedKey: text('seed_key').unique(),
	/** Set when a curator changed the concept: seeding then leaves it alone. */
	editedAt: text('edited_at'),
	sortOrder: integer('sort_order').notNull().default(0)
});

export const services = sqliteTable(
	'services',
	{
		id: text('id').primaryKey(),
		organizationId: text('organization_id')
			.notNull()
			.references(() => organizations.id),
		name: text('name').notNull(),
		nameKana: text('name_kana'),
		field: text('field').notNull(),
		description: text('description'),
		fee: text('fee'),
		eligibility: text('eligibility'),
		howToApply: text('how_to_apply'),
		url: text('url'),
		email: text('email'),
		/** draft / review / published / archived */
		status: text('status').notNull().default('draft'),
		lastVerifiedAt: text('last_verified_at'),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		...timestamps
	},
	(t) => [
		index('services_org').on(t.organizationId),
		index('services_status').on(t.status),
		index('services_verified').on(t.lastVerifiedAt),
		/** Covers the search index's start-up check (search/sync.ts) without reading the wide rows. */
		index('services_status_updated').on(t.status, t.id, t.updatedAt)
	]
);

export const serviceTerms = sqliteTable(
	'service_terms',
	{
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		termId: text('term_id')
			.notNull()
			.references(() => taxonomyTerms.id)
	},
	(t) => [primaryKey({ columns: [t.serviceId, t.termId] })]
);

/** 高齢者, 障害のある人, 子ども・子育て世帯, 誰でも */
export const serviceTargets = sqliteTable(
	'service_targets',
	{
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		target: text('target').notNull()
	},
	(t) => [primaryKey({ columns: [t.serviceId, t.target] })]
);

/** 困りごと tags (ゴミ出し支援, 電球交換, …). */
export const serviceTags = sqliteTable(
	'service_tags',
	{
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		tag: text('tag').notNull()
	},
	(t) => [primaryKey({ columns: [t.serviceId, t.tag] })]
);

export const locations = sqliteTable(
	'locations',
	{
		id: text('id').primaryKey(),
		organizationId: text('organization_id').references(() => organizations.id),
		name: text('name'),
		postalCode: text('postal_code'),
		prefecture: text('prefecture').notNull().default('高知県'),
		city: text('city').notNull().default('高知市'),
		/** 町名・番地 */
		addressLine: text('address_line'),
		building: text('building'),
		lat: real('lat'),
		lng: real('lng'),
		/** Bus stop, parking and the like. */
		access: text('access'),
		/** JSON array: 段差なし, 車いす可, 駐車場あり, … */
		accessibility: text('accessibility'),
		...timestamps
	},
	(t) => [index('locations_org').on(t.organizationId)]
);

export const locationAreas = sqliteTable(
	'location_areas',
	{
		locationId: text('location_id')
			.notNull()
			.references(() => locations.id, { onDelete: 'cascade' }),
		areaId: text('area_id')
			.notNull()
			.references(() => areas.id)
	},
	(t) => [primaryKey({ columns: [t.locationId, t.areaId] }), index('location_areas_area').on(t.areaId)]
);

export const serviceLocations = sqliteTable(
	'service_locations',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		locationId: text('location_id')
			.notNull()
			.references(() => locations.id)
	},
	(t) => [index('service_locations_service').on(t.serviceId), index('service_locations_location').on(t.locationId)]
);

/**
 * Opening hours and recurring sessions.
 * kind 'hours': one weekday (0 = 日曜 … 6 = 土曜), opens_at/closes_at 'HH:MM'; several rows per day
 *   express split hours; closes_at ≤ opens_at means the span runs past midnight; 00:00–24:00 is all day.
 * kind 'session': a recurring session as an RFC 5545 RRULE ("FREQ=MONTHLY;BYDAY=2TU,4TU") with
 *   opens_at/closes_at as the session's time.
 */
export const schedules = sqliteTable(
	'schedules',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		locationId: text('location_id').references(() => locations.id),
		kind: text('kind').notNull(),
		weekday: integer('weekday'),
		opensAt: text('opens_at'),
		closesAt: text('closes_at'),
		rrule: text('rrule'),
		dtstart: text('dtstart'),
		note: text('note')
	},
	(t) => [index('schedules_service').on(t.serviceId)]
);

/** phone, fax, email, url — with the role of the contact (never a private person). */
export const contacts = sqliteTable(
	'contacts',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
		organizationId: text('organization_id').references(() => organizations.id),
		kind: text('kind').notNull(),
		value: text('value').notNull(),
		role: text('role'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('contacts_service').on(t.serviceId)]
);

/**
 * An event (催し): linked to a listing and its location, or standalone (then organization_id says
 * who keeps it). One-off, or recurring by an RFC 5545 RRULE from the first session (starts_at);
 * single dates are changed in event_exceptions. Times are Asia/Tokyo.
 */
export const events = sqliteTable(
	'events',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id').references(() => services.id, { onDelete: 'set null' }),
		/** The organisation that keeps the event (the listing's, or the organiser of a standalone one). */
		organizationId: text('organization_id').references(() => organizations.id),
		locationId: text('location_id').references(() => locations.id),
		title: text('title').notNull(),
		titleKana: text('title_kana'),
		description: text('description'),
		/** The first session: ISO 8601 with +09:00 offset. */
		startsAt: text('starts_at').notNull(),
		/** Its end (same offset); the time of day applies to every session. */
		endsAt: text('ends_at'),
		rrule: text('rrule'),
		/** 医療 介護 障害 子育て 地域資源 (the listing's when linked). */
		field: text('field'),
		/** JSON array of targets (高齢者, …). */
		targets: text('targets').notNull().default('[]'),
		fee: text('fee'),
		capacity: integer('capacity'),
		howToApply: text('how_to_apply'),
		/** draft / review / published / cancelled (the whole event is 中止) */
		status: text('status').notNull().default('published'),
		...timestamps
	},
	(t) => [index('events_starts').on(t.startsAt), index('events_service').on(t.serviceId), index('events_org').on(t.organizationId)]
);

/** One date of a recurring event changed: 休み (skip), 中止 (cancel) or moved to another date/time. */
export const eventExceptions = sqliteTable(
	'event_exceptions',
	{
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** The date the rule gives, 'YYYY-MM-DD'. */
		date: text('date').notNull(),
		/** skip / cancel / move */
		kind: text('kind').notNull(),
		newDate: text('new_date'),
		newStartTime: text('new_start_time'),
		newEndTime: text('new_end_time'),
		note: text('note')
	},
	(t) => [primaryKey({ columns: [t.eventId, t.date] })]
);

/** なんでも相談窓口 certification (高知市: ほおっちょけん相談窓口). */
export const deskCertifications = sqliteTable(
	'desk_certifications',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		scheme: text('scheme').notNull(),
		certifiedOn: text('certified_on').notNull(),
		/** JSON array of area ids (地区) the desk serves. */
		areaIds: text('area_ids').notNull().default('[]')
	},
	(t) => [index('desk_service').on(t.serviceId)]
);

// ---------------------------------------------------------------- accounts and workflow

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	/** admin / curator / org_editor */
	role: text('role').notNull(),
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	...timestamps
});

export const organizationMembers = sqliteTable(
	'organization_members',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organizationId: text('organization_id')
			.notNull()
			.references(() => organizations.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.organizationId] })]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the cookie token; the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: text('expires_at').notNull(),
		createdAt: text('created_at').notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** 'account:<email>' or 'ip:<address>' */
		key: text('key').notNull(),
		at: integer('at').notNull()
	},
	(t) => [index('login_attempts_key_at').on(t.key, t.at)]
);

/** An edit waiting for review (from an org_editor) or a public 情報の修正を提案. */
export const changeRequests = sqliteTable(
	'change_requests',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
		/** The event an 'event' request proposes to change (service_id is then null). */
		eventId: text('event_id').references(() => events.id, { onDelete: 'cascade' }),
		/** 'edit' (an org_editor's proposed listing), 'suggestion' (public form) or 'event' (an org_editor's change of a published event). */
		kind: text('kind').notNull(),
		/** JSON: the proposed listing (edit), the suggestion fields, or the event proposal (see admin/events). */
		payload: text('payload').notNull(),
		submittedBy: text('submitted_by').references(() => users.id),
		/** pending / approved / rejected */
		status: text('status').notNull().default('pending'),
		reviewComment: text('review_comment'),
		reviewedBy: text('reviewed_by').references(() => users.id),
		reviewedAt: text('reviewed_at'),
		...timestamps
	},
	(t) => [index('change_requests_status').on(t.status), index('change_requests_service').on(t.serviceId), index('change_requests_event').on(t.eventId)]
);

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at').notNull(),
		userId: text('user_id'),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		before: text('before'),
		after: text('after')
	},
	(t) => [index('audit_entity').on(t.entity, t.entityId)]
);

/**
 * Transactional outbox for the external search index: every write to a listing adds a row here
 * in the same transaction; a worker pushes rows to Meilisearch and marks them done on success.
 */
export const searchOutbox = sqliteTable(
	'search_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The listing's id, or the event's when entity is 'event'. */
		serviceId: text('service_id').notNull(),
		/** 'service' (a listing) or 'event'. */
		entity: text('entity').notNull().default('service'),
		/** 'upsert' or 'delete' */
		op: text('op').notNull(),
		createdAt: text('created_at').notNull(),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		doneAt: text('done_at')
	},
	(t) => [index('search_outbox_pending').on(t.doneAt, t.id)]
);

/**
 * The embedded engine's index of events (title, reading and text in event_search_fts, see the
 * custom part of its migration): public events, kept in step by SearchSync like search_docs.
 */
export const eventSearchDocs = sqliteTable('event_search_docs', {
	rowid: integer('rowid').primaryKey({ autoIncrement: true }),
	eventId: text('event_id').notNull().unique(),
	/** events.updated_at when indexed: a difference means the index is behind. */
	eventUpdatedAt: text('event_updated_at').notNull()
});

/** Queries that found nothing: the raw material for growing the dictionaries. */
export const searchMisses = sqliteTable('search_misses', {
	query: text('query').primaryKey(),
	count: integer('count').notNull().default(1),
	lastAt: text('last_at').notNull()
});

/**
 * Denormalised, normalised copy of each published listing for the embedded engine; FTS5 indexes
 * its text (see the custom migration). Rebuilt from the tables above by the indexer.
 */
export const searchDocs = sqliteTable(
	'search_docs',
	{
		rowid: integer('rowid').primaryKey({ autoIncrement: true }),
		serviceId: text('service_id').notNull().unique(),
		/** services.updated_at when indexed: a difference means the index is behind. */
		serviceUpdatedAt: text('service_updated_at').notNull(),
		/** The whole SearchDocument as JSON. */
		doc: text('doc').notNull(),
		/**
		 * What the embedded engine keeps in memory (filters, hits, order, opening-hour bitmaps, folded
		 * name and keywords), derived at index time so a start at 100k listings derives nothing.
		 * '' in rows indexed before it existed (derived from `doc` when loaded).
		 */
		resident: text('resident').notNull().default('')
	},
	(t) => [
		/** Covers the start-up check (search/sync.ts): the rows themselves are pages of JSON each. */
		index('search_docs_service_updated').on(t.serviceId, t.serviceUpdatedAt)
	]
);

/**
 * The query lexicon (see domain/text/lexicon): each word the indexed listings use, with its reading
 * and how many listings use it. Kept in step by the embedded engine's upserts and removals.
 */
export const searchLexicon = sqliteTable('search_lexicon', {
	/** foldForSearch(surface). */
	folded: text('folded').primaryKey(),
	surface: text('surface').notNull(),
	reading: text('reading').notNull(),
	count: integer('count').notNull()
});

/**
 * 相談記録メモ: what a certified desk heard and where it sent the person — never who. Worry
 * categories, channel, age band, household and outcome are codes from data/memo-options.json;
 * the short note is checked for phone numbers, e-mail addresses and names before it is stored.
 */
export const consultationMemos = sqliteTable(
	'consultation_memos',
	{
		id: text('id').primaryKey(),
		/** The certified desk (its listing) that recorded the memo. */
		deskServiceId: text('desk_service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		/** 'YYYY-MM-DD' (Japan). */
		consultedOn: text('consulted_on').notNull(),
		channel: text('channel').notNull(),
		/** The 地区 the worry concerns. */
		areaId: text('area_id')
			.notNull()
			.references(() => areas.id),
		/** JSON array of worry categories. */
		categories: text('categories').notNull(),
		ageBand: text('age_band').notNull(),
		household: text('household').notNull(),
		/** JSON array of the listings (service ids) the person was referred to. */
		referredServiceIds: text('referred_service_ids').notNull().default('[]'),
		outcome: text('outcome').notNull(),
		note: text('note'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps
	},
	(t) => [index('memos_desk').on(t.deskServiceId, t.consultedOn), index('memos_date').on(t.consultedOn)]
);

/**
 * Imports started from the admin (CSV, HSDS JSON): their state survives a restart, so a job that
 * was running when the server stopped shows as interrupted (nothing of it was written: each import
 * is one transaction) instead of vanishing.
 */
export const importJobs = sqliteTable(
	'import_jobs',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		fileName: text('file_name').notNull(),
		/** running / done / failed / interrupted */
		status: text('status').notNull(),
		phase: text('phase').notNull(),
		done: integer('done').notNull().default(0),
		total: integer('total').notNull().default(0),
		ok: integer('ok', { mode: 'boolean' }).notNull().default(false),
		/** JSON array of the report's lines. */
		lines: text('lines').notNull().default('[]'),
		error: text('error'),
		startedAt: text('started_at').notNull(),
		finishedAt: text('finished_at')
	},
	(t) => [index('import_jobs_started').on(t.startedAt)]
);
