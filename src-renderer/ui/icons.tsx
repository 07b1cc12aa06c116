// Small inline icons (no icon font, nothing fetched: the CSP allows only our own files). Always
// decorative: the button or text beside them carries the accessible name.

const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.75,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
  className: 'icon',
} as const;

export function CheckIcon() {
  return (
    <svg {...common}>
      <path d="M3.5 8.5l3 3 6-7" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...common}>
      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
    </svg>
  );
}

/** A circled "i"-like mark turned into a calm notice: not a red alarm. */
export function NoticeIcon() {
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="6.25" />
      <path d="M8 4.75v4" />
      <circle cx="8" cy="11.25" r="0.4" fill="currentColor" />
    </svg>
  );
}

/** Two arrows chasing each other: a task that repeats. */
export function RepeatIcon() {
  return (
    <svg {...common}>
      <path d="M3 7V6a2 2 0 0 1 2-2h7.5M10.5 2l2 2-2 2M13 9v1a2 2 0 0 1-2 2H3.5M5.5 14l-2-2 2-2" />
    </svg>
  );
}

/** Points right when closed; turned by CSS when open. */
export function ChevronIcon() {
  return (
    <svg {...common}>
      <path d="M6 3.5l4.5 4.5L6 12.5" />
    </svg>
  );
}

/** Dots to hold on to while dragging. */
export function GripIcon() {
  return (
    <svg {...common} stroke="none" fill="currentColor">
      <circle cx="6" cy="4" r="1.1" />
      <circle cx="10" cy="4" r="1.1" />
      <circle cx="6" cy="8" r="1.1" />
      <circle cx="10" cy="8" r="1.1" />
      <circle cx="6" cy="12" r="1.1" />
      <circle cx="10" cy="12" r="1.1" />
    </svg>
  );
}
