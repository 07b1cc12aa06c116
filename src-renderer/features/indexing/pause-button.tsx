import { useIndexStatusStore } from './index-status-store';

// Drawn here rather than in ui/icons: only this button uses them.
const iconProps = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'currentColor',
  'aria-hidden': true,
  focusable: false,
  className: 'icon',
} as const;

function PauseIcon() {
  return (
    <svg {...iconProps}>
      <rect x="4" y="3.5" width="2.75" height="9" rx="0.75" />
      <rect x="9.25" y="3.5" width="2.75" height="9" rx="0.75" />
    </svg>
  );
}

function ResumeIcon() {
  return (
    <svg {...iconProps}>
      <path d="M5 3.6v8.8a.6.6 0 0 0 .9.5l6.9-4.4a.6.6 0 0 0 0-1L5.9 3.1a.6.6 0 0 0-.9.5z" />
    </svg>
  );
}

/**
 * Pause or resume background indexing. One button that changes its words, so the keyboard stays
 * on it after a press. Quiet (an icon) while indexing runs; "Resume" in words while paused.
 */
export function PauseButton({ className }: { className?: string }) {
  const isPaused = useIndexStatusStore((state) => state.status?.paused === true);
  const isSwitching = useIndexStatusStore((state) => state.isSwitching);
  const setPaused = useIndexStatusStore((state) => state.setPaused);

  return (
    <button
      type="button"
      className={['index-pause-button', className].filter(Boolean).join(' ')}
      data-paused={isPaused}
      aria-busy={isSwitching}
      title={isPaused ? 'Resume indexing' : 'Pause indexing: new thoughts wait; search by words still finds everything'}
      onClick={() => void setPaused(!isPaused)}
    >
      {isPaused ? (
        <>
          <ResumeIcon />
          <span className="index-pause-label">Resume</span>
          <span className="visually-hidden"> indexing</span>
        </>
      ) : (
        <>
          <PauseIcon />
          <span className="visually-hidden">Pause indexing</span>
        </>
      )}
    </button>
  );
}
