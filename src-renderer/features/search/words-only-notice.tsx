import { useId, useState } from 'react';
import { CloseIcon, NoticeIcon } from '../../ui/icons';
import { isMeaningUnavailable, useIndexStatusStore } from '../indexing/index-status-store';
import { useSearchStore } from './search-store';

/**
 * One calm line above the results when no model can search by meaning; the why and the fix open
 * on request. Not shown while the index is merely catching up (results say "words" then), and
 * closable for the session.
 */
export function WordsOnlyNotice() {
  const status = useIndexStatusStore((state) => state.status);
  const usedMeaning = useSearchStore((state) => state.usedMeaning);
  const hasAnswer = useSearchStore((state) => state.answeredQuery.length > 0);
  const isDismissed = useSearchStore((state) => state.isWordsOnlyNoticeDismissed);
  const dismiss = useSearchStore((state) => state.dismissWordsOnlyNotice);
  const [isExpanded, setExpanded] = useState(false);
  const textId = useId();
  if (status === undefined || !hasAnswer || usedMeaning || isDismissed || !isMeaningUnavailable(status)) return null;

  // The outer box takes the results column's padding; the inner one draws the notice.
  return (
    <div>
      <div className="words-only-notice" role="note" aria-label="Searching by words only">
        <NoticeIcon />
        <p id={textId} className={isExpanded ? 'words-only-text' : 'words-only-text is-collapsed'}>
          Searching by words only — no embedding model is installed.
          {status.message !== null && <span className="muted"> {status.message}</span>}
        </p>
        {status.message !== null && (
          <button type="button" className="words-only-more" aria-expanded={isExpanded} aria-controls={textId} onClick={() => setExpanded(!isExpanded)}>
            {isExpanded ? 'Less' : 'Why?'}
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Dismiss this notice" title="Dismiss" onClick={dismiss}>
          <CloseIcon />
        </button>
      </div>
    </div>
  );
}
