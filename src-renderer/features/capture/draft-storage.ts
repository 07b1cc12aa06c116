// Drafts go to localStorage on every keystroke: a reload, a crash or a closed window must not
// lose what someone was in the middle of writing.

export function readDraft(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(key: string, text: string): void {
  try {
    if (text.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, text);
  } catch {
    // Storage full or disabled: the draft still lives in memory until it is saved.
  }
}

/**
 * What remains of the draft once `saved` was stored. Someone may keep typing while the save is
 * in flight; only the part that was sent is removed.
 */
export function remainderAfterSave(draft: string, saved: string): string {
  if (draft === saved) return '';
  if (draft.startsWith(saved)) return draft.slice(saved.length).replace(/^\s+/, '');
  return draft;
}
