import { useMemo } from 'react';
import { diffText, type DiffPart } from '../../ui/text-diff';

/** Unchanged text longer than this shows only its ends next to the changes. */
const CONTEXT_CHARS = 120;

/** Cuts at `index`, moved back off the second half of a surrogate pair (an emoji stays whole). */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

function Elided() {
  return (
    <span className="diff-elided">
      <span aria-hidden="true">…</span>
      <span className="visually-hidden">(unchanged text left out)</span>
    </span>
  );
}

function Kept({ text, isFirst, isLast }: { text: string; isFirst: boolean; isLast: boolean }) {
  const keepStart = isFirst ? 0 : CONTEXT_CHARS;
  const keepEnd = isLast ? 0 : CONTEXT_CHARS;
  if (text.length <= keepStart + keepEnd + CONTEXT_CHARS) return <span>{text}</span>;
  const head = text.slice(0, safeIndex(text, keepStart));
  const tail = text.slice(safeIndex(text, text.length - keepEnd));
  return (
    <span>
      {head}
      <Elided />
      {tail}
    </span>
  );
}

/**
 * What an edit changed, in place: removed text struck through in <del>, added text underlined in
 * <ins>. Marked by more than colour, and spelled out for screen readers by the CSS (see
 * thought.css), so the page's own text stays exactly the thought's.
 */
export function HistoryDiff({ before, after }: { before: string; after: string }) {
  const diff = useMemo(() => diffText(before, after), [before, after]);
  const last = diff.parts.length - 1;
  return (
    <>
      <p className="history-text history-diff">
        {diff.parts.map((part: DiffPart, index) => {
          if (part.kind === 'added') return <ins key={index}>{part.text}</ins>;
          if (part.kind === 'removed') return <del key={index}>{part.text}</del>;
          return <Kept key={index} text={part.text} isFirst={index === 0} isLast={index === last} />;
        })}
      </p>
      {diff.granularity !== 'word' && (
        <p className="history-note">
          {diff.granularity === 'line' ? 'So much changed that it is compared line by line.' : 'So much changed that it is shown as replaced.'}
        </p>
      )}
    </>
  );
}
