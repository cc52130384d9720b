/**
 * The curators' CSV import. A file is decoded (UTF-8 with or without BOM, or Shift_JIS/CP932 as
 * Excel saves it), its headers are matched to the columns by name (unknown headers need a mapping),
 * and every row is turned into the listing editor's values and validated by the same zod schema
 * as the editor, after forgiving what spreadsheets do: 全角/半角, 〒, hyphen variants, 丁目・番地,
 * 和暦 dates, カタカナ readings. The preview explains each bad row and field in Japanese.
 *
 * Writing is all or nothing: one bad row and nothing is written (the preview names it). Addresses
 * without coordinates are geocoded first (queued, rate-limited), then every row is written in one
 * transaction; a listing with the same ID, or the same 名称 and 住所, is updated instead of doubled.
 */
import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import type { AppDatabase } from '../db';
import type { CityProfile } from '../city-profile';
import type { Geocoder } from '../geocoding/geocoder';
import { FIELDS, ORGANIZATION_KINDS, STATUS_LABELS, TARGETS, type ServiceStatus } from '../../domain/taxonomy';
import { parseJapaneseDate } from '../../domain/wareki';
import { parseHoursText, parseSessionsText } from '../../domain/hours-text';
import { normalizeJapaneseAddress } from '../../domain/text/address';
import { normalizePostalCode } from '../../domain/text/normalize';
import { blankHours, emptyListingValues, type ListingFormValues } from '../../domain/listing-form';
import { CONTACT_KINDS, listingToInput, parseListingValues, type ContactKind, type ListingInput, type SessionInput } from '../admin/listing-input';
import { listingReader } from '../listings';
import { listingCsvRow } from './open-data';
import type { Listing } from '../../domain/listing';
import { firstOccurrenceDate, rruleKey } from '../../domain/recurrence';
import { insertListing, replaceListing } from '../admin/listing-store';
import { ensureBuiltInTerms } from './hsds-import';
import { CSV_COLUMNS, columnByName, columnForHeader, parseCsv, type CsvColumnKey } from './csv-columns';

export type CsvEncoding = 'UTF-8 (BOM付き)' | 'UTF-8' | 'Shift_JIS';

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise Shift_JIS (CP932, Excel's "CSV"). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
	const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
		return { text, encoding: hasBom ? 'UTF-8 (BOM付き)' : 'UTF-8' };
	} catch {
		return { text: iconv.decode(Buffer.from(bytes), 'CP932'), encoding: 'Shift_JIS' };
	}
}

/** Header → column key, or 'ignore' for a column to leave out. */
export type HeaderMapping = Record<string, CsvColumnKey | 'ignore'>;

export interface HeaderMatch {
	header: string;
	/** The column it fills; null = not understood (needs a mapping), 'ignore' = left out on purpose. */
	column: CsvColumnKey | 'ignore' | null;
}

export interface RowProblem {
	/** The line in the spreadsheet (the header is line 1). */
	line: number;
	name: string;
	/** Column header → Japanese message ("_row" for the row as a whole). */
	fields: Record<string, string>;
}

export interface PreviewRow {
	line: number;
	name: string;
	/** 'new', 'update' (same ID, or same 名称 and 住所), 'error' */
	action: 'new' | 'update' | 'error';
	needsGeocoding: boolean;
}

export interface CsvPreview {
	encoding: CsvEncoding;
	headers: HeaderMatch[];
	unknownHeaders: string[];
	rows: PreviewRow[];
	problems: RowProblem[];
	/** Set when the file cannot be read at all (no header, no rows). */
	fileError: string | null;
}

export interface CsvImportResult {
	preview: CsvPreview;
	written: boolean;
	created: number;
	updated: number;
	geocoded: number;
	/** Rows whose address the geocoder did not find: imported without a pin. */
	notGeocoded: Array<{ line: number; name: string; address: string }>;
	serviceIds: string[];
}

export type CsvImportPhase = 'check' | 'geocode' | 'write';

export interface CsvImportOptions {
	profile: CityProfile;
	mapping?: HeaderMapping;
	dryRun?: boolean;
	geocoder?: Geocoder | null;
	/** Minimum time between two geocoder requests (the GSI service asks for restraint). */
	geocodeIntervalMs?: number;
	/** Write the listings as 公開中 unless the 状態 column says otherwise. */
	defaultStatus?: ServiceStatus;
	enqueue?: (serviceIds: string[]) => void;
	onProgress?: (phase: CsvImportPhase, done: number, total: number) => void;
}

const STATUS_BY_LABEL = new Map<string, ServiceStatus>([
	...Object.entries(STATUS_LABELS).map(([status, label]) => [label, status as ServiceStatus] as const),
	['公開', 'published'],
	['非公開', 'draft'],
	['published', 'published'],
	['draft', 'draft'],
	['review', 'review'],
	['archived', 'archived']
]);

const LIST_SPLIT = /[、,，;；\n]+/;

interface PreparedRow {
	line: number;
	cells: Partial<Record<CsvColumnKey, string>>;
	values: ListingFormValues;
	organizationName: string;
	organizationKind: string;
	lastVerifiedAt: string | null;
	/** Certified as the city's なんでも相談窓口 on this date (its programme's name comes from the profile). */
	deskCertifiedOn: string | null;
	/** null: 状態 left blank (new rows are published, updated rows keep theirs). */
	status: ServiceStatus | null;
	existingId: string | null;
	/** Set when the row keeps its stored organisation (団体名 and 団体の種類 as exported). */
	organizationId?: string;
	input: ListingInput | null;
	geocodeAddress: string | null;
}

/** A cell as a person meant it: trimmed, and the apostrophe the export puts before = + - @ taken off. */
function cellText(value: string | undefined): string {
	return (value ?? '').replace(/^'(?=[=+\-@])/, '').trim();
}

function splitList(value: string): string[] {
	return value
		.split(LIST_SPLIT)
		.map((part) => part.normalize('NFKC').trim())
		.filter(Boolean);
}

export function matchHeaders(headers: string[], mapping: HeaderMapping = {}): HeaderMatch[] {
	const mapped = new Map(Object.entries(mapping).map(([header, column]) => [header.normalize('NFKC').trim(), column]));
	return headers.map((raw) => {
		const header = raw.replace(/^\uFEFF/, '').trim();
		const explicit = mapped.get(header.normalize('NFKC').trim());
		if (explicit) return { header, column: explicit === 'ignore' ? 'ignore' : (columnByName(explicit) ?? null) };
		if (header === '') return { header, column: 'ignore' };
		return { header, column: columnForHeader(header) };
	});
}

class CsvRows {
	private readonly terms: Array<{ code: string; name: string; field: string }>;
	private readonly districts: Map<string, string>;
	private readonly findById;
	private readonly findByNameAndAddress;
	private readonly organizationByName;

	constructor(
		private readonly db: AppDatabase,
		private readonly profile: CityProfile
	) {
		const sqlite = db.$client;
		this.terms = sqlite.prepare('SELECT code, name, field FROM taxonomy_terms').all() as Array<{ code: string; name: string; field: string }>;
		this.districts = new Map(
			(sqlite.prepare("SELECT id, name FROM areas WHERE kind = '地区'").all() as Array<{ id: string; name: string }>).flatMap((area) => [
				[area.name, area.id],
				[area.name.replace(/地区$/, ''), area.id]
			])
		);
		this.findById = sqlite.prepare('SELECT id FROM services WHERE id = ?').pluck();
		this.findByNameAndAddress = sqlite
			.prepare(
				`SELECT s.id FROM services s JOIN service_locations sl ON sl.service_id = s.id JOIN locations l ON l.id = sl.location_id
				 WHERE s.name = ? AND coalesce(l.address_line, '') = ? ORDER BY s.rowid LIMIT 1`
			)
			.pluck();
		this.organizationByName = sqlite.prepare('SELECT id FROM organizations WHERE name = ? ORDER BY rowid LIMIT 1').pluck();
	}

	organizationId(name: string): string | null {
		return (this.organizationByName.get(name) as string | undefined) ?? null;
	}

	termCode(text: string): string | null {
		const key = text.normalize('NFKC').trim();
		const term =
			this.terms.find((candidate) => candidate.code === key || candidate.name.normalize('NFKC') === key) ??
			this.terms.find((candidate) => candidate.name.normalize('NFKC').replace(/（.*）$/, '') === key);
		return term?.code ?? null;
	}

	prepare(line: number, cells: Partial<Record<CsvColumnKey, string>>): { row: PreparedRow; errors: Record<string, string> } {
		const errors: Partial<Record<CsvColumnKey | '_row', string>> = {};
		const cell = (key: CsvColumnKey) => cellText(cells[key]);
		const values = emptyListingValues('');
		values.name = cell('name');
		values.nameKana = cell('nameKana');
		values.description = cell('description');
		values.fee = cell('fee');
		values.eligibility = cell('eligibility');
		values.howToApply = cell('howToApply');

		const termCodes: string[] = [];
		for (const term of splitList(cell('terms'))) {
			const code = this.termCode(term);
			if (code) termCodes.push(code);
			else errors.terms = `種類「${term}」は登録されていません。分類の一覧にある名前で書いてください。`;
		}
		values.termCodes = termCodes;
		const field = cell('field').normalize('NFKC');
		if (field !== '') values.field = field;
		else {
			const termField = this.terms.find((term) => term.code === termCodes[0])?.field;
			if (termField) values.field = termField;
			else errors.field = `分野を ${FIELDS.join('・')} のどれかで入力してください。`;
		}
		values.tags = splitList(cell('tags'));
		values.targets = splitList(cell('targets')).map((target) => (target === '子ども' || target === '子育て世帯' ? '子ども・子育て世帯' : target === '障害者' ? '障害のある人' : target));
		const badTarget = values.targets.find((target) => !(TARGETS as readonly string[]).includes(target));
		if (badTarget) errors.targets = `対象「${badTarget}」は ${TARGETS.join('・')} のどれかで書いてください。`;

		const postal = cell('postalCode');
		values.location.postalCode = postal === '' ? '' : (normalizePostalCode(postal) ?? postal);
		const address = cell('address');
		const addressLine = address === '' ? '' : normalizeJapaneseAddress(address, { prefecture: this.profile.prefecture, city: this.profile.city });
		if (/^(北海道|東京都|京都府|大阪府|\S{2,3}県)/.test(addressLine)) {
			errors.address = `${this.profile.prefecture}${this.profile.city}以外の住所は登録できません（「${address}」）。`;
		}
		values.location.addressLine = addressLine;
		values.location.building = cell('building');
		values.location.lat = cell('lat');
		values.location.lng = cell('lng');
		values.location.name = values.name;
		const district = cell('district').normalize('NFKC');
		if (district !== '') {
			const areaId = this.districts.get(district) ?? this.districts.get(district.replace(/地区$/, ''));
			if (areaId) values.location.areaIds = [areaId];
			else errors.district = `地区「${district}」は登録されていません。`;
		}

		const contacts: ListingFormValues['contacts'] = [];
		for (const [key, kind] of [['phone', 'phone'], ['fax', 'fax'], ['email', 'email']] as const) {
			for (const value of splitList(cell(key))) contacts.push({ kind, value, role: '' });
		}
		values.contacts = contacts;
		values.url = cell('url');

		const hoursText = cell('hours');
		if (hoursText !== '') {
			const hours = parseHoursText(hoursText);
			if (!hours.ok) errors.hours = hours.error;
			else {
				const grid = blankHours().map(() => [] as Array<{ opensAt: string; closesAt: string }>);
				for (const span of hours.value) grid[span.weekday].push({ opensAt: span.opensAt, closesAt: span.closesAt });
				values.hours = grid.map((slots, weekday) => (slots.length > 0 ? slots : blankHours()[weekday]));
			}
		}
		const sessionsText = cell('sessions');
		if (sessionsText !== '') {
			const sessions = parseSessionsText(sessionsText);
			if (!sessions.ok) errors.sessions = sessions.error;
			else
				values.sessions = sessions.value.map((session) => ({
					pattern: session.pattern,
					weekdays: session.weekdays.map(String),
					nths: session.nths.map(String),
					monthDays: session.monthDays.join(', '),
					opensAt: session.opensAt,
					closesAt: session.closesAt ?? '',
					note: '',
					rawRRule: session.rawRRule ?? '',
					dtstart: session.firstDate ?? '',
					until: session.until ?? '',
					count: session.count ? String(session.count) : ''
				}));
		}

		const verified = cell('lastVerifiedAt');
		const lastVerifiedAt = verified === '' ? null : parseJapaneseDate(verified);
		if (verified !== '' && !lastVerifiedAt) errors.lastVerifiedAt = `最終確認日「${verified}」が日付として読めません（例：2024-04-01、令和6年4月1日、R6.4.1）。`;
		const certified = cell('deskCertifiedOn');
		const deskCertifiedOn = certified === '' ? null : parseJapaneseDate(certified);
		if (certified !== '' && !deskCertifiedOn) errors.deskCertifiedOn = `なんでも相談窓口の認定日「${certified}」が日付として読めません（例：2024-04-01、令和6年4月1日）。`;
		const statusText = cell('status').normalize('NFKC');
		const status = statusText === '' ? null : (STATUS_BY_LABEL.get(statusText) ?? null);
		if (statusText !== '' && !status) errors.status = `状態「${statusText}」は 公開中・下書き・確認待ち・アーカイブ のどれかです。`;
		const organizationKind = cell('organizationKind').normalize('NFKC');
		if (organizationKind !== '' && !(ORGANIZATION_KINDS as readonly string[]).includes(organizationKind)) {
			errors.organizationKind = `団体の種類「${organizationKind}」は ${ORGANIZATION_KINDS.join('・')} のどれかです。`;
		}

		const id = cell('id');
		const existingId =
			(id !== '' ? ((this.findById.get(id) as string | undefined) ?? null) : null) ??
			((this.findByNameAndAddress.get(values.name, addressLine) as string | undefined) ?? null);
		if (id !== '' && !this.findById.get(id) && !/^[0-9a-f-]{36}$/i.test(id)) errors.id = `ID「${id}」はこのサイトの ID ではありません。新しく登録する行は ID を空欄にしてください。`;

		const hasCoordinates = values.location.lat !== '' || values.location.lng !== '';
		return {
			row: {
				line,
				cells,
				values,
				organizationName: cell('organization') || values.name,
				organizationKind: organizationKind || '任意団体',
				lastVerifiedAt,
				deskCertifiedOn,
				status,
				existingId,
				input: null,
				geocodeAddress: !hasCoordinates && addressLine !== '' ? `${this.profile.prefecture}${this.profile.city}${addressLine}` : null
			},
			errors: errors as Record<string, string>
		};
	}
}

/**
 * An updated listing keeps what its row left as exported: a cell equal to the export of the
 * stored listing (or a column the file does not have) takes the stored value, not the value read
 * back from the cell, because a cell does not say everything: contacts' 担当, the email and web
 * address as contacts, session 備考 and first dates (DTSTART), 小学校区・中学校区, the place's name
 * and access. Changed cells are read as written. So a file that goes out and comes back changes
 * nothing, and a file with one corrected cell changes that cell.
 */
function keepWhatTheSheetLeftAlone(row: PreparedRow, listing: Listing): Pick<PreparedRow, 'input' | 'organizationId' | 'lastVerifiedAt' | 'deskCertifiedOn' | 'status'> {
	const exported = listingCsvRow(listing);
	const same = (key: CsvColumnKey) => !(key in row.cells) || cellText(row.cells[key]) === exported[key].trim();
	const stored = listingToInput(listing);
	const input: ListingInput = { ...row.input! };
	const scalar = [
		['name', 'name'],
		['nameKana', 'nameKana'],
		['field', 'field'],
		['terms', 'termCodes'],
		['tags', 'tags'],
		['targets', 'targets'],
		['description', 'description'],
		['fee', 'fee'],
		['eligibility', 'eligibility'],
		['howToApply', 'howToApply'],
		['url', 'url']
	] as const;
	for (const [column, key] of scalar) if (same(column)) Object.assign(input, { [key]: stored[key] });
	if (same('hours')) input.hours = listing.hours.map((span) => ({ ...span }));
	if (same('email')) input.email = stored.email;
	// A changed column's contacts take the place of the stored ones of that kind (the order stays).
	const contactColumn = { phone: 'phone', fax: 'fax', email: 'email', url: 'url' } as const;
	const changed = (kind: ContactKind) => !same(contactColumn[kind]);
	const read = (kind: ContactKind) => row.input!.contacts.filter((contact) => contact.kind === kind);
	const placed = new Set<ContactKind>();
	input.contacts = stored.contacts.flatMap((contact) => {
		if (!changed(contact.kind)) return [contact];
		if (placed.has(contact.kind)) return [];
		placed.add(contact.kind);
		return read(contact.kind);
	});
	for (const kind of CONTACT_KINDS) if (changed(kind) && !placed.has(kind)) input.contacts.push(...read(kind));
	input.sessions = same('sessions') ? stored.sessions : keepStoredSessions(input.sessions, stored.sessions);
	const place = listing.locations[0];
	if (input.location && stored.location && place) {
		const districts = new Set(place.areas.filter((area) => area.kind === '地区').map((area) => area.id));
		const location = { ...input.location, name: stored.location.name, access: stored.location.access, accessibility: stored.location.accessibility };
		if (same('postalCode')) location.postalCode = stored.location.postalCode;
		if (same('address')) location.addressLine = stored.location.addressLine;
		if (same('building')) location.building = stored.location.building;
		if (same('lat') && same('lng')) Object.assign(location, { lat: stored.location.lat, lng: stored.location.lng });
		// The sheet names the 地区 only: the other kinds of area stay.
		location.areaIds = same('district') ? stored.location.areaIds : [...stored.location.areaIds.filter((id) => !districts.has(id)), ...input.location.areaIds];
		input.location = location;
	}
	return {
		input,
		organizationId: same('organization') && same('organizationKind') ? listing.organization.id : undefined,
		lastVerifiedAt: same('lastVerifiedAt') ? null : row.lastVerifiedAt,
		deskCertifiedOn: same('deskCertifiedOn') ? null : row.deskCertifiedOn,
		status: same('status') ? null : row.status
	};
}

/**
 * A session row that changed keeps, from a stored session of the same rule and times whose first
 * meeting the row does not contradict, its 備考 and its RRULE and DTSTART as stored (a 隔週
 * phrase names the first meeting, not the stored DTSTART; the other phrases name no date).
 */
function keepStoredSessions(sessions: SessionInput[], stored: SessionInput[]): SessionInput[] {
	const unused = [...stored];
	return sessions.map((session) => {
		const index = unused.findIndex(
			(candidate) =>
				rruleKey(candidate.rrule) === rruleKey(session.rrule) &&
				candidate.opensAt === session.opensAt &&
				candidate.closesAt === session.closesAt &&
				(session.dtstart === null ||
					session.dtstart === candidate.dtstart ||
					(candidate.dtstart !== null && session.dtstart === firstOccurrenceDate(candidate.rrule, candidate.dtstart)))
		);
		if (index < 0) return session;
		const [match] = unused.splice(index, 1);
		return { ...session, rrule: match.rrule, dtstart: match.dtstart, note: match.note };
	});
}

/** Field paths of the editor's schema → the spreadsheet column a curator sees. */
const FIELD_TO_COLUMN: Array<[RegExp, CsvColumnKey]> = [
	[/^name$/, 'name'],
	[/^nameKana$/, 'nameKana'],
	[/^field$/, 'field'],
	[/^termCodes/, 'terms'],
	[/^targets/, 'targets'],
	[/^tags/, 'tags'],
	[/^description$/, 'description'],
	[/^fee$/, 'fee'],
	[/^eligibility$/, 'eligibility'],
	[/^howToApply$/, 'howToApply'],
	[/^url$/, 'url'],
	[/^email$/, 'email'],
	[/^location\.postalCode/, 'postalCode'],
	[/^location\.(addressLine|name)/, 'address'],
	[/^location\.building/, 'building'],
	[/^location\.lat/, 'lat'],
	[/^location\.lng/, 'lng'],
	[/^location\.areaIds/, 'district'],
	[/^hours/, 'hours'],
	[/^sessions/, 'sessions']
];

function columnOfPath(path: string, values: ListingFormValues): CsvColumnKey | null {
	const contact = /^contacts\.(\d+)/.exec(path);
	if (contact) {
		const kind = values.contacts[Number(contact[1])]?.kind;
		return kind === 'fax' ? 'fax' : kind === 'email' ? 'email' : 'phone';
	}
	return FIELD_TO_COLUMN.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

function headerOf(key: CsvColumnKey | '_row', headers: HeaderMatch[]): string {
	if (key === '_row') return '_row';
	return headers.find((match) => match.column === key)?.header ?? CSV_COLUMNS.find((column) => column.key === key)!.header;
}

/** A queue that asks the geocoder one address at a time, at most once per interval. */
async function geocodeAll(
	geocoder: Geocoder,
	addresses: string[],
	intervalMs: number,
	onProgress?: (done: number, total: number) => void
): Promise<Map<string, { lat: number; lng: number } | null>> {
	const results = new Map<string, { lat: number; lng: number } | null>();
	const unique = [...new Set(addresses)];
	let last = 0;
	for (let i = 0; i < unique.length; i++) {
		const wait = last + intervalMs - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		last = Date.now();
		try {
			const [best] = await geocoder.geocode(unique[i]);
			results.set(unique[i], best ? { lat: best.lat, lng: best.lng } : null);
		} catch {
			results.set(unique[i], null);
		}
		onProgress?.(i + 1, unique.length);
	}
	return results;
}

export async function importCsv(db: AppDatabase, bytes: Uint8Array, options: CsvImportOptions): Promise<CsvImportResult> {
	const { text, encoding } = decodeCsvBytes(bytes);
	const table = parseCsv(text);
	const empty: CsvImportResult = { preview: { encoding, headers: [], unknownHeaders: [], rows: [], problems: [], fileError: null }, written: false, created: 0, updated: 0, geocoded: 0, notGeocoded: [], serviceIds: [] };
	if (table.length < 2) {
		empty.preview.fileError = table.length === 0 ? 'ファイルが空です。1行目に見出し、2行目から1件ずつ書いてください。' : '見出しの行しかありません。2行目から1件ずつ書いてください。';
		return empty;
	}
	const headers = matchHeaders(table[0], options.mapping);
	const preview = empty.preview;
	preview.headers = headers;
	preview.unknownHeaders = headers.filter((match) => match.column === null).map((match) => match.header);
	if (preview.unknownHeaders.length > 0) {
		preview.fileError = `見出し「${preview.unknownHeaders.join('」「')}」がどの項目か分かりません。項目を指定するか「読み込まない」を選んでください。`;
		return empty;
	}
	if (!headers.some((match) => match.column === 'name')) {
		preview.fileError = '「名称」の列が見つかりません。1行目の見出しを確かめるか、どの列が名称か指定してください。';
		return empty;
	}

	ensureBuiltInTerms(db);
	const rows = new CsvRows(db, options.profile);
	const prepared: PreparedRow[] = [];
	const seen = new Map<string, number>();
	const dataRows = table.slice(1);
	// Hint rows of the template ("（必須）" …) are skipped.
	const isHintRow = (cells: string[]) => cells.every((cell) => cell.trim() === '' || /^（.*）$/.test(cell.trim()));
	dataRows.forEach((cellsArray, index) => {
		const line = index + 2;
		if (isHintRow(cellsArray)) return;
		const cells: Partial<Record<CsvColumnKey, string>> = {};
		headers.forEach((match, column) => {
			if (match.column && match.column !== 'ignore') cells[match.column] = cells[match.column] ? `${cells[match.column]}、${cellsArray[column] ?? ''}` : (cellsArray[column] ?? '');
		});
		const { row, errors } = rows.prepare(line, cells);
		if (cellsArray.length > headers.length && cellsArray.slice(headers.length).some((cell) => cell.trim() !== '')) {
			errors._row = `見出しより多い ${cellsArray.length} 列あります。セルの中の「,」が区切りになっていないか確かめてください。`;
		}
		// The editor's own rules (lengths, phone numbers, times, coordinates …), with a placeholder organisation.
		const parsed = parseListingValues({ ...row.values, organizationId: 'csv' });
		if (parsed.ok) row.input = parsed.input;
		else
			for (const [path, message] of Object.entries(parsed.errors)) {
				const key = columnOfPath(path, row.values) ?? '_row';
				errors[key] ??= message;
			}
		const duplicateKey = `${row.values.name}\u0000${row.values.location.addressLine}`;
		const earlier = seen.get(duplicateKey);
		if (earlier !== undefined) errors._row ??= `${earlier} 行目と名称・住所が同じです。1行にまとめてください。`;
		seen.set(duplicateKey, line);
		const fields = Object.fromEntries(Object.entries(errors).map(([key, message]) => [headerOf(key as CsvColumnKey | '_row', headers), message]));
		if (Object.keys(fields).length > 0) preview.problems.push({ line, name: row.values.name, fields });
		preview.rows.push({ line, name: row.values.name, action: Object.keys(fields).length > 0 ? 'error' : row.existingId ? 'update' : 'new', needsGeocoding: row.geocodeAddress !== null });
		prepared.push(row);
		options.onProgress?.('check', index + 1, dataRows.length);
	});
	if (prepared.length === 0) preview.fileError = 'データの行がありません。';
	const result: CsvImportResult = { ...empty, preview };
	if (preview.problems.length > 0 || preview.fileError || options.dryRun) return result;

	const readStored = listingReader(db);
	for (const row of prepared) {
		const stored = row.existingId ? readStored(row.existingId, { publishedOnly: false }) : null;
		if (stored) Object.assign(row, keepWhatTheSheetLeftAlone(row, stored));
	}

	// Geocoding happens before the transaction: nothing is written while the network is asked.
	const toGeocode = prepared.filter((row) => row.geocodeAddress !== null);
	if (toGeocode.length > 0 && options.geocoder) {
		const points = await geocodeAll(options.geocoder, toGeocode.map((row) => row.geocodeAddress!), options.geocodeIntervalMs ?? 1000, (done, total) => options.onProgress?.('geocode', done, total));
		for (const row of toGeocode) {
			const point = points.get(row.geocodeAddress!);
			if (point && row.input?.location) {
				row.input.location.lat = point.lat;
				row.input.location.lng = point.lng;
				result.geocoded++;
			} else result.notGeocoded.push({ line: row.line, name: row.values.name, address: row.geocodeAddress! });
		}
	} else result.notGeocoded.push(...toGeocode.map((row) => ({ line: row.line, name: row.values.name, address: row.geocodeAddress! })));

	const sqlite = db.$client;
	const createOrganization = sqlite.prepare('INSERT INTO organizations (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
	const currentStatus = sqlite.prepare('SELECT status FROM services WHERE id = ?').pluck();
	const setStatus = sqlite.prepare('UPDATE services SET status = ?, last_verified_at = coalesce(?, last_verified_at), is_sample = 0 WHERE id = ?');
	const clearDesk = sqlite.prepare('DELETE FROM desk_certifications WHERE service_id = ?');
	const certifyDesk = sqlite.prepare('INSERT INTO desk_certifications (id, service_id, scheme, certified_on, area_ids) VALUES (?, ?, ?, ?, ?)');
	const now = new Date().toISOString();
	db.transaction((tx) => {
		prepared.forEach((row, index) => {
			let organizationId = row.organizationId ?? rows.organizationId(row.organizationName);
			if (!organizationId) {
				organizationId = randomUUID();
				createOrganization.run(organizationId, row.organizationName, row.organizationKind, now, now);
			}
			const input = { ...row.input!, organizationId };
			if (row.existingId) {
				replaceListing(tx, row.existingId, input, now);
				result.updated++;
			} else {
				row.existingId = insertListing(tx, input, row.status ?? options.defaultStatus ?? 'published', now);
				result.created++;
			}
			setStatus.run(row.status ?? currentStatus.get(row.existingId), row.lastVerifiedAt, row.existingId);
			if (row.deskCertifiedOn) {
				// A blank cell leaves a certification alone; a date (re)certifies under the city's programme.
				clearDesk.run(row.existingId);
				certifyDesk.run(randomUUID(), row.existingId, options.profile.deskProgramme, row.deskCertifiedOn, JSON.stringify(input.location?.areaIds ?? []));
			}
			result.serviceIds.push(row.existingId);
			options.onProgress?.('write', index + 1, prepared.length);
		});
		options.enqueue?.(result.serviceIds);
	});
	result.written = true;
	return result;
}
