CREATE TABLE `event_exceptions` (
	`event_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`new_date` text,
	`new_start_time` text,
	`new_end_time` text,
	`note` text,
	PRIMARY KEY(`event_id`, `date`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `events` ADD `organization_id` text REFERENCES organizations(id);--> statement-breakpoint
ALTER TABLE `events` ADD `field` text;--> statement-breakpoint
ALTER TABLE `events` ADD `targets` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `events_org` ON `events` (`organization_id`);--> statement-breakpoint
-- Events of existing databases take their keeper, field and targets from their listing.
UPDATE `events` SET
	`organization_id` = (SELECT `organization_id` FROM `services` WHERE `services`.`id` = `events`.`service_id`),
	`field` = (SELECT `field` FROM `services` WHERE `services`.`id` = `events`.`service_id`),
	`targets` = coalesce((SELECT json_group_array(`target`) FROM `service_targets` WHERE `service_targets`.`service_id` = `events`.`service_id`), '[]')
WHERE `service_id` IS NOT NULL;
