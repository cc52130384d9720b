import type { LayoutServerLoad } from './$types';
import { ROLE_LABELS } from '$lib/server/auth/types';
import { isAdmin, isCurator } from '$lib/server/auth/permissions';

/** The signed-in user (or null on the login page) for the admin navigation. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		admin: user
			? {
					displayName: user.displayName,
					roleLabel: ROLE_LABELS[user.role],
					isCurator: isCurator(user),
					isAdmin: isAdmin(user),
					isDesk: user.role === 'desk'
				}
			: null
	};
};
