import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { emptyEventValues } from '$lib/domain/event-form';
import { createEvent } from '$lib/server/admin/events';
import { eventContext, eventFailure, eventFormOptions, postedEvent } from '$lib/server/admin/event-routes';

/** `?service=<listing id>` starts an event of that listing (「この掲載のイベントを追加」). */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { values: emptyEventValues({ serviceId: event.url.searchParams.get('service') ?? '' }), options: eventFormOptions(user) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { values, input, invalid } = await postedEvent(event);
		if (invalid) return invalid;
		let id: string;
		try {
			id = await createEvent(eventContext(), user, input);
		} catch (caught) {
			return eventFailure(caught, values);
		}
		redirect(303, `/admin/events/${id}?created=1`);
	}
};
