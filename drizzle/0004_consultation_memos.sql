CREATE TABLE `consultation_memos` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_service_id` text NOT NULL,
	`consulted_on` text NOT NULL,
	`channel` text NOT NULL,
	`area_id` text NOT NULL,
	`categories` text NOT NULL,
	`age_band` text NOT NULL,
	`household` text NOT NULL,
	`referred_service_ids` text DEFAULT '[]' NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`desk_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `memos_desk` ON `consultation_memos` (`desk_service_id`,`consulted_on`);--> statement-breakpoint
CREATE INDEX `memos_date` ON `consultation_memos` (`consulted_on`);