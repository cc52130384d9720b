/**
 * Glue between the admin routes and the admin services: the app's context, the editor's options,
 * reading a posted listing form, the address helper actions every listing form page offers, and
 * one mapping from service errors to HTTP answers (403, 404, or 400 with the values back so
 * nothing typed is lost).
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '../app';
import { ForbiddenError, requireUser } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { UserInputError } from '../auth/users';
import { getGeocoder, GeocodingError, lookupPostalCode } from '../geocoding';
import type { FieldErrors, ListingFormOptions, ListingFormResult, ListingFormValues } from '../../domain/listing-form';
import { listingValuesFromForm, parseListingValues } from './listing-input';
import { areaOptions, organizationOptions } from './queries';
import { InputError, NotFoundError, type AdminContext } from './workflow';

export function adminContext(): AdminContext {
	const { db, searchSync } = getApp();
	return { db, searchSync };
}

export function listingFormOptions(user: SessionUser): ListingFormOptions {
	const { db, config, taxonomy, profile } = getApp();
	return {
		organizations: organizationOptions(db, user),
		areas: areaOptions(db),
		terms: taxonomy.groups(),
		tiles: { url: config.tileUrl, attribution: config.tileAttribution, home: profile.center }
	};
}

/** 400 with the values as posted and a message per field. */
function invalidListing(values: ListingFormValues, errors: FieldErrors) {
	return fail(400, { values, errors } satisfies ListingFormResult);
}

/**
 * The listing editor's form as posted (save, create, approve all read it the same way): the values,
 * and either the validated input or, when the values do not pass, the 400 to answer with.
 */
export async function postedListing(event: RequestEvent) {
	const values = listingValuesFromForm(await event.request.formData());
	const parsed = parseListingValues(values);
	return parsed.ok
		? { values, input: parsed.input, invalid: null }
		: { values, input: null, invalid: invalidListing(values, parsed.errors) };
}

/**
 * Service errors as HTTP: not allowed → 403, unknown → 404, bad input (listings, organisations or
 * accounts) → 400 carrying `extra` (the values) back to the form. Anything else is a bug and stays a 500.
 */
export function asHttpFailure<T extends Record<string, unknown>>(caught: unknown, extra: T) {
	if (caught instanceof ForbiddenError) error(403, caught.message);
	if (caught instanceof NotFoundError) error(404, caught.message);
	if (caught instanceof InputError || caught instanceof UserInputError) return fail(400, { ...extra, errors: caught.errors });
	throw caught;
}

const helperResult = (values: ListingFormValues, notice: string, errors: FieldErrors = {}): ListingFormResult => ({ values, errors, notice });

/**
 * 郵便番号 → 町名, and address → coordinates. Form actions (buttons with formaction) so they work
 * without JavaScript too; they save nothing and answer with the whole form's values.
 */
export const listingHelperActions = {
	postalLookup: async (event: RequestEvent) => {
		requireUser(event);
		const values = listingValuesFromForm(await event.request.formData());
		const found = lookupPostalCode(getApp().db, values.location.postalCode);
		if (!found) {
			return fail(400, helperResult(values, '', { 'location.postalCode': 'この郵便番号の住所は見つかりませんでした。町名・番地を直接入力してください。' }));
		}
		values.location.postalCode = found.postalCode;
		if (found.town && !values.location.addressLine.trim().startsWith(found.town)) {
			values.location.addressLine = `${found.town}${values.location.addressLine.trim()}`;
		}
		if (values.location.areaIds.length === 0) values.location.areaIds = found.areaIds.slice(0, 1);
		const where = found.town ? `${found.city}${found.town}` : found.city;
		return helperResult(values, `〒${found.postalCode} は ${found.prefecture}${where} です。続きの番地を入力してください。`);
	},
	geocode: async (event: RequestEvent) => {
		requireUser(event);
		const values = listingValuesFromForm(await event.request.formData());
		const { prefecture, city } = getApp().profile;
		const address = `${prefecture}${city}${values.location.addressLine.trim()}`;
		if (values.location.addressLine.trim() === '') {
			return fail(400, helperResult(values, '', { 'location.addressLine': '位置を探すには、町名・番地を入力してください。' }));
		}
		try {
			const [best] = await getGeocoder().geocode(address);
			if (!best) {
				return fail(400, helperResult(values, '', { 'location.lat': 'この住所の位置が見つかりませんでした。地図のピンを動かすか、緯度・経度を入力してください。' }));
			}
			values.location.lat = best.lat.toFixed(6);
			values.location.lng = best.lng.toFixed(6);
			return helperResult(values, `「${best.label}」の位置を地図に置きました。ずれていればピンを動かしてください。まだ保存されていません。`);
		} catch (caught) {
			if (!(caught instanceof GeocodingError)) throw caught;
			return fail(503, helperResult(values, '', { 'location.lat': `${caught.message} 地図のピンを動かすか、緯度・経度を入力してください。` }));
		}
	}
};
