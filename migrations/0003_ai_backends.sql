CREATE TABLE `ai_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`purpose` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`remote` integer NOT NULL,
	`thought_count` integer NOT NULL,
	`prompt_chars` integer NOT NULL,
	`status` text NOT NULL,
	`error_code` text,
	`tokens_in` integer DEFAULT 0 NOT NULL,
	`tokens_out` integer DEFAULT 0 NOT NULL,
	`cost_micros` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `ai_requests_run_idx` ON `ai_requests` (`run_id`);--> statement-breakpoint
CREATE INDEX `ai_requests_started_idx` ON `ai_requests` (`started_at`);--> statement-breakpoint
CREATE TABLE `goal_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`status` text NOT NULL,
	`provider` text NOT NULL,
	`steps` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_plans_goal_idx` ON `goal_plans` (`goal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `goal_thoughts` (
	`goal_id` text NOT NULL,
	`thought_id` text NOT NULL,
	`status` text NOT NULL,
	`similarity` real DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `thought_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thought_id`) REFERENCES `thoughts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_thoughts_thought_idx` ON `goal_thoughts` (`thought_id`);--> statement-breakpoint
ALTER TABLE `check_runs` ADD `window_start` integer;--> statement-breakpoint
ALTER TABLE `check_runs` ADD `window_end` integer;--> statement-breakpoint
ALTER TABLE `check_runs` ADD `sent_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `check_runs_status_idx` ON `check_runs` (`status`,`window_end`);--> statement-breakpoint
UPDATE `check_runs` SET `status` = 'cancelled' WHERE `status` = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX `check_runs_one_running` ON `check_runs` (`status`) WHERE status = 'running';--> statement-breakpoint
ALTER TABLE `insights` ADD `provider` text DEFAULT 'offline' NOT NULL;--> statement-breakpoint
ALTER TABLE `insights` ADD `data` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `insights` ADD `dedupe_key` text;--> statement-breakpoint
CREATE INDEX `insights_dedupe_idx` ON `insights` (`dedupe_key`,`created_at`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `estimate_minutes` integer;