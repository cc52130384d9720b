ALTER TABLE `change_requests` ADD `event_id` text REFERENCES events(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `change_requests_event` ON `change_requests` (`event_id`);