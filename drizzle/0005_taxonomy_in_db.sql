CREATE TABLE `worry_concepts` (
	`id` text PRIMARY KEY NOT NULL,
	`concept` text NOT NULL,
	`field` text,
	`keys` text NOT NULL,
	`look_for` text NOT NULL,
	`generic` integer DEFAULT false NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`seed_key` text,
	`edited_at` text,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worry_concepts_concept_unique` ON `worry_concepts` (`concept`);--> statement-breakpoint
CREATE UNIQUE INDEX `worry_concepts_seed_key_unique` ON `worry_concepts` (`seed_key`);--> statement-breakpoint
ALTER TABLE `taxonomy_terms` ADD `sort_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `taxonomy_terms` ADD `edited_at` text;