-- thought_embeddings had no writer before this version (always empty): recreated with a
-- (thought, model) key so several models' vectors can coexist during a model change.
CREATE TABLE `embedding_models` (
	`model_key` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`model_revision` text NOT NULL,
	`dimension` integer NOT NULL,
	`state` text NOT NULL,
	`backfill_below_seq` integer,
	`created_at` integer NOT NULL,
	`activated_at` integer
);
--> statement-breakpoint
CREATE TABLE `__new_thought_embeddings` (
	`thought_seq` integer NOT NULL,
	`model_key` text NOT NULL,
	`model_id` text NOT NULL,
	`model_revision` text NOT NULL,
	`dimension` integer NOT NULL,
	`embedded_at` integer NOT NULL,
	PRIMARY KEY(`thought_seq`, `model_key`),
	FOREIGN KEY (`thought_seq`) REFERENCES `thoughts`(`seq`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP TABLE `thought_embeddings`;--> statement-breakpoint
ALTER TABLE `__new_thought_embeddings` RENAME TO `thought_embeddings`;--> statement-breakpoint
CREATE INDEX `thought_embeddings_model_idx` ON `thought_embeddings` (`model_key`);--> statement-breakpoint
ALTER TABLE `task_suggestions` ADD `title_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `task_suggestions` ADD `due_has_time` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `task_suggestions_thought_title_unique` ON `task_suggestions` (`thought_id`,`title_key`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `title_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `tasks_title_key_idx` ON `tasks` (`title_key`,`status`);