import { describe, expect, it } from 'vitest';
import { emptyListingValues, type ListingFormValues } from '../../../src/lib/domain/listing-form';
import {
	listingInputToValues,
	listingValuesFromForm,
	normalizeClockInput,
	parseListingValues
} from '../../../src/lib/server/admin/listing-input';
import { describeSession } from '../../../src/lib/domain/recurrence';

function values(overrides: (v: ListingFormValues) => void): ListingFormValues {
	const v = emptyListingValues('org-1');
	v.name = 'ひだまりサロン';
	v.field = '地域資源';
	overrides(v);
	return v;
}

function errorsOf(v: ListingFormValues): Record<string, string> {
	const parsed = parseListingValues(v);
	return parsed.ok ? {} : parsed.errors;
}

describe('listing input', () => {
	it('builds 毎月第2・第4火曜 10:00〜11:30 as an RRULE', () => {
		const parsed = parseListingValues(
			values((v) => {
				v.sessions = [{ pattern: 'monthly-nth', weekdays: ['2'], nths: ['4', '2'], monthDays: '', opensAt: '10:00', closesAt: '11:30', note: '', rawRRule: '' }];
			})
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.input.sessions).toEqual([{ rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', dtstart: null, opensAt: '10:00', closesAt: '11:30', note: null }]);
		const [session] = parsed.input.sessions;
		expect(describeSession(session.rrule, session.opensAt, session.closesAt)).toBe('毎月第2・第4火曜 10:00〜11:30');
	});

	it('offers 毎週, 隔週 and 毎月N日 too', () => {
		const parsed = parseListingValues(
			values((v) => {
				v.sessions = [
					{ pattern: 'weekly', weekdays: ['1', '4'], nths: [], monthDays: '', opensAt: '9:00', closesAt: '', note: '', rawRRule: '' },
					{ pattern: 'biweekly', weekdays: ['3'], nths: [], monthDays: '', opensAt: '１３：３０', closesAt: '15:00', note: '', rawRRule: '' },
					{ pattern: 'monthly-day', weekdays: [], nths: [], monthDays: '１５、1日', opensAt: '10:00', closesAt: '12:00', note: '', rawRRule: '' }
				];
			})
		);
		expect(parsed.ok && parsed.input.sessions.map((s) => [s.rrule, s.opensAt])).toEqual([
			['FREQ=WEEKLY;BYDAY=MO,TH', '09:00'],
			['FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', '13:30'],
			['FREQ=MONTHLY;BYMONTHDAY=1,15', '10:00']
		]);
	});

	it('forgives 全角, 〒 and hyphen variants', () => {
		const parsed = parseListingValues(
			values((v) => {
				v.location.postalCode = '〒７８０ー０９３５';
				v.location.lat = '３３．５６';
				v.location.lng = '133.51';
				v.nameKana = 'ヒダマリサロン';
				v.url = 'ｈｔｔｐｓ：／／example.jp/';
				v.contacts = [
					{ kind: 'phone', value: '０８８－８２３－９４５１', role: '' },
					{ kind: 'fax', value: '088(823)9452', role: '' },
					{ kind: 'email', value: 'Info@Example.JP', role: '' }
				];
			})
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.input.location?.postalCode).toBe('780-0935');
		expect(parsed.input.location?.lat).toBe(33.56);
		expect(parsed.input.nameKana).toBe('ひだまりさろん');
		expect(parsed.input.url).toBe('https://example.jp/');
		expect(parsed.input.contacts.map((c) => c.value)).toEqual(['088-823-9451', '088-823-9452', 'info@example.jp']);
	});

	it('refuses javascript: and data: URLs anywhere a link is stored', () => {
		expect(errorsOf(values((v) => (v.url = 'javascript:alert(1)'))).url).toMatch(/http:\/\/ または https:\/\//);
		expect(errorsOf(values((v) => (v.url = 'data:text/html,<script>alert(1)</script>'))).url).toBeDefined();
		const contactErrors = errorsOf(values((v) => (v.contacts = [{ kind: 'url', value: 'JavaScript:alert(1)', role: '' }])));
		expect(contactErrors['contacts.0.value']).toMatch(/https/);
	});

	it('keeps script-looking text as text (it is escaped when shown, never executed)', () => {
		const parsed = parseListingValues(values((v) => (v.description = '<script>alert(1)</script>')));
		expect(parsed.ok && parsed.input.description).toBe('<script>alert(1)</script>');
	});

	it('answers in Japanese, per field path, and keeps row numbers', () => {
		const errors = errorsOf(
			values((v) => {
				v.name = '';
				v.field = '教育';
				v.location.postalCode = '12345';
				v.location.lat = '33.5';
				v.hours[2][0] = { opensAt: '9:00', closesAt: '' };
				v.sessions = [
					{ pattern: '', weekdays: [], nths: [], monthDays: '', opensAt: '', closesAt: '', note: '', rawRRule: '' },
					{ pattern: 'monthly-nth', weekdays: ['2'], nths: [], monthDays: '', opensAt: '10:00', closesAt: '', note: '', rawRRule: '' }
				];
				v.contacts = [{ kind: 'phone', value: '12-34', role: '' }];
			})
		);
		expect(errors.name).toBe('名称を入力してください。');
		expect(errors.field).toMatch(/分野/);
		expect(errors['location.postalCode']).toMatch(/7桁/);
		expect(errors['location.lng']).toMatch(/両方/);
		expect(errors['hours.2.0.closesAt']).toMatch(/両方/);
		expect(errors['sessions.1.nths']).toMatch(/第何週/);
		expect(errors['sessions.0.pattern']).toBeUndefined();
		expect(errors['contacts.0.value']).toMatch(/市外局番/);
		for (const message of Object.values(errors)) expect(message).toMatch(/[ぁ-んァ-ン一-龠]/);
	});

	it('refuses coordinates outside 高知市 (swapped lat/lng)', () => {
		const errors = errorsOf(values((v) => Object.assign(v.location, { lat: '133.53', lng: '33.56' })));
		expect(errors['location.lat']).toMatch(/範囲外/);
	});

	it('reads FormData by the same field names and round-trips stored input', () => {
		const form = new FormData();
		form.set('organizationId', 'org-1');
		form.set('name', ' 旭サロン ');
		form.set('field', '地域資源');
		form.append('termCodes', 'salon');
		form.append('targets', '高齢者');
		form.set('hours.1.0.opensAt', '09:00');
		form.set('hours.1.0.closesAt', '12:00');
		form.set('hours.1.1.opensAt', '13:00');
		form.set('hours.1.1.closesAt', '17:00');
		form.set('sessions.3.pattern', 'weekly');
		form.append('sessions.3.weekdays', '5');
		form.set('sessions.3.opensAt', '10:00');
		form.set('contacts.0.kind', 'phone');
		form.set('contacts.0.value', '088-823-9451');
		const v = listingValuesFromForm(form);
		expect(v.sessions).toHaveLength(1);
		const parsed = parseListingValues(v);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.input.name).toBe('旭サロン');
		expect(parsed.input.hours).toEqual([
			{ weekday: 1, opensAt: '09:00', closesAt: '12:00' },
			{ weekday: 1, opensAt: '13:00', closesAt: '17:00' }
		]);
		const again = parseListingValues(listingInputToValues(parsed.input));
		expect(again.ok && again.input).toEqual(parsed.input);
	});

	it('normalises clock input', () => {
		expect(normalizeClockInput('１０：００')).toBe('10:00');
		expect(normalizeClockInput('9時')).toBe('09:00');
		expect(normalizeClockInput('1330')).toBe('13:30');
		expect(normalizeClockInput('24:00')).toBe('24:00');
		expect(normalizeClockInput('')).toBeNull();
		expect(normalizeClockInput('25:00')).toBeUndefined();
	});
});

describe('addresses', () => {
	it('normalises 全角 digits and hyphen variants in 町名・番地', async () => {
		const { normalizeAddressLine } = await import('../../../src/lib/server/admin/listing-input');
		expect(normalizeAddressLine('旭町２丁目１２ー３')).toBe('旭町2丁目12-3');
		expect(normalizeAddressLine('本町５丁目１－４５')).toBe('本町5丁目1-45');
		expect(normalizeAddressLine('はりまや町１‐２‐３　ビル')).toBe('はりまや町1-2-3 ビル');
		expect(normalizeAddressLine('サンシャインコート')).toBe('サンシャインコート');
	});
});
