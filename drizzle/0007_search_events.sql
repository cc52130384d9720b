CREATE TABLE `event_search_docs` (
	`rowid` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`event_updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_search_docs_event_id_unique` ON `event_search_docs` (`event_id`);--> statement-breakpoint
ALTER TABLE `search_outbox` ADD `entity` text DEFAULT 'service' NOT NULL;--> statement-breakpoint
-- Full-text index of events for the embedded engine (drizzle-kit cannot model virtual tables):
-- character bigrams of the normalised title, its reading, its reading's sound key and the other
-- text, as in search_fts.
CREATE VIRTUAL TABLE `event_search_fts` USING fts5(
	`title`, `reading`, `sound`, `body`,
	tokenize = 'unicode61 remove_diacritics 0',
	content = '',
	contentless_delete = 1
);
