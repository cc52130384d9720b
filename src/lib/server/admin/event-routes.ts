/** Glue for the admin event pages: options for the form, reading a posted form, errors as HTTP. */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '../app';
import { ForbiddenError } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { eventValuesFromForm, type EventFormValues } from '../../domain/event-form';
import { parseEventValues } from './event-input';
import { areaOptions, organizationOptions } from './queries';
import { InputError, NotFoundError } from './workflow';
import type { EventAdminContext } from './events';

export function eventContext(): EventAdminContext {
	const { db, searchSync } = getApp();
	return { db, searchSync };
}

export function eventFormOptions(user: SessionUser) {
	const { db } = getApp();
	return {
		organizations: organizationOptions(db, user).map(({ id, name }) => ({ id, name })),
		areas: (areaOptions(db)['地区'] ?? []).map(({ id, name }) => ({ id, name }))
	};
}

export async function postedEvent(event: RequestEvent) {
	const values = eventValuesFromForm(await event.request.formData());
	const parsed = parseEventValues(values);
	return parsed.ok ? { values, input: parsed.input, invalid: null } : { values, input: null, invalid: fail(400, { values, errors: parsed.errors }) };
}

/** 403 / 404, or 400 with the values back so nothing typed is lost. */
export function eventFailure(caught: unknown, values: EventFormValues | null) {
	if (caught instanceof ForbiddenError) error(403, caught.message);
	if (caught instanceof NotFoundError) error(404, caught.message);
	if (caught instanceof InputError) return fail(400, { values, errors: caught.errors });
	throw caught;
}
