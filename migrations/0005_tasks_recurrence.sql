ALTER TABLE `tasks` ADD `recurs_from` text;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_recurs_from_unique` ON `tasks` (`recurs_from`);