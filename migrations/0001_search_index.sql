-- Keyword index over thought text. External content: the text lives once, in thoughts.
-- Trashed and archived thoughts stay indexed; queries filter them.
CREATE VIRTUAL TABLE thoughts_fts USING fts5(
  text,
  content = 'thoughts',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER thoughts_fts_after_insert AFTER INSERT ON thoughts BEGIN
  INSERT INTO thoughts_fts (rowid, text) VALUES (new.seq, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER thoughts_fts_after_delete AFTER DELETE ON thoughts BEGIN
  INSERT INTO thoughts_fts (thoughts_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER thoughts_fts_after_update AFTER UPDATE OF text ON thoughts BEGIN
  INSERT INTO thoughts_fts (thoughts_fts, rowid, text) VALUES ('delete', old.seq, old.text);
  INSERT INTO thoughts_fts (rowid, text) VALUES (new.seq, new.text);
END;
--> statement-breakpoint
-- History and undo trust the event log: rows are never rewritten.
CREATE TRIGGER events_append_only BEFORE UPDATE ON events BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
--> statement-breakpoint
-- Index thoughts stored before this migration (a no-op on a new database).
INSERT INTO thoughts_fts (thoughts_fts) VALUES ('rebuild');
