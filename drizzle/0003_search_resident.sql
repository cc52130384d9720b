CREATE TABLE `search_lexicon` (
	`folded` text PRIMARY KEY NOT NULL,
	`surface` text NOT NULL,
	`reading` text NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `search_docs` ADD `resident` text DEFAULT '' NOT NULL;