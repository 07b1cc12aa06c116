import { useEffect, useState } from 'react';
import { formatFull, formatWhen } from './format-time';

const TICK_MS = 60_000;

/** Re-renders once a minute so "just now" does not stay "just now" forever. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function When({ iso, prefix }: { iso: string; prefix?: string }) {
  const now = useMinuteClock();
  return (
    <time dateTime={iso} title={formatFull(iso)} className="when">
      {prefix}
      {formatWhen(iso, now)}
    </time>
  );
}
