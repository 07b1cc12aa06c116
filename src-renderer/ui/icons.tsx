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
