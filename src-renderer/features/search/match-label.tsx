import type { SearchHit } from '../../../src-shared/contract';

const WORDS: Record<SearchHit['matchedBy'][number], string> = { keyword: 'words', meaning: 'meaning' };

/** Why a result is here, in one or two quiet words: "words", "meaning", "words + meaning". */
export function MatchLabel({ matchedBy }: { matchedBy: SearchHit['matchedBy'] }) {
  if (matchedBy.length === 0) return null;
  const kinds = (['keyword', 'meaning'] as const).filter((kind) => matchedBy.includes(kind));
  const isMeaningOnly = kinds.length === 1 && kinds[0] === 'meaning';
  return (
    <span className={isMeaningOnly ? 'match-label match-label-meaning' : 'match-label'} title="Why this thought matched">
      <span className="visually-hidden">Matched by </span>
      {kinds.map((kind) => WORDS[kind]).join(' + ')}
    </span>
  );
}
