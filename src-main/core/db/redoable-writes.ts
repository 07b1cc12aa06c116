import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs background writes that can always be redone (claiming and finishing jobs, vectors, an
 * analysis) without waiting for the disk: in WAL mode, synchronous=NORMAL commits without an
 * fsync. An app crash or kill loses nothing (the OS already has the pages); a power cut may
 * lose the last of these commits, never corrupt the file, and the job they belonged to runs
 * again. The next capture's commit (synchronous=FULL) makes them durable along with itself.
 *
 * Everything a person writes keeps synchronous=FULL: this switches only for `write`, which runs
 * synchronously, so no other transaction can start while it is switched.
 */
export function redoableWrites<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  // Inside a transaction the commit belongs to whoever opened it.
  if (sqlite.inTransaction) return write();
  sqlite.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
}
