// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user of the admin area, or null (set by the session hook). */
			user: SessionUser | null;
			session: { id: string; expiresAt: string } | null;
		}
	}
}

export {};
