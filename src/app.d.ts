// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/types';
import type { Language } from '$lib/domain/i18n/languages';
import type { DisplayPrefs } from '$lib/domain/display';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user of the admin area, or null (set by the session hook). */
			user: SessionUser | null;
			session: { id: string; expiresAt: string } | null;
			/** The interface language (?lang= or the lang cookie; set by the language hook). */
			language: Language;
			/** The reader's text size, contrast and ふりがな choice (display cookie). */
			display: DisplayPrefs;
			/** Set when a request failed because SQLite could not write (read-only, full disk): answered 503, not 500. */
			databaseWriteFailed?: string;
		}
	}
}

export {};
