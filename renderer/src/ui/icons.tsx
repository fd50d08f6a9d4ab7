/** Line icons drawn in SVG, so they stay crisp on a projector and carry no text to translate. docs/ARCHITECTURE.md, "The control window". */
const common = {
  width: 22,
  height: 22,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** Paths drawn in order, for an icon that is lines only. */
function paths(...lines: string[]) {
  return lines.map((d) => <path key={d} d={d} />);
}

/** An icon component drawing `shapes` in the common frame. */
function icon(shapes: React.ReactNode) {
  return function Icon() {
    return <svg {...common}>{shapes}</svg>;
  };
}

export const EditIcon = icon(paths('M4 20h4L19 9l-4-4L4 16v4z', 'M13.5 6.5l4 4'));

export const DeleteIcon = icon(<path d="M6 6l12 12M18 6L6 18" />);

export const PlusIcon = icon(<path d="M12 5v14M5 12h14" />);

export const MinusIcon = icon(<path d="M5 12h14" />);

export const SearchIcon = icon(
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4.5 4.5" />
  </>,
);

export const DotsIcon = icon(
  <>
    <circle cx="7" cy="8" r="2.5" fill="currentColor" />
    <circle cx="16" cy="7" r="2.5" fill="currentColor" />
    <circle cx="12" cy="16" r="2.5" fill="currentColor" />
  </>,
);

export const LaneIcon = icon(
  <>
    <rect x="3.5" y="4" width="5" height="16" rx="1.5" />
    <rect x="10.5" y="4" width="5" height="16" rx="1.5" />
    <path d="M19.5 9v6M16.5 12h6" />
  </>,
);

/** The lanes of topics, three side by side: distinct from LaneIcon, which adds a lane. */
export const TopicLanesIcon = icon(
  <>
    <rect x="2.5" y="4" width="5" height="16" rx="1.5" />
    <rect x="9.5" y="4" width="5" height="16" rx="1.5" />
    <rect x="16.5" y="4" width="5" height="16" rx="1.5" />
  </>,
);

/** Fit to screen: four corners pointing outwards. */
export const FitIcon = icon(<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />);

export const PreviousIcon = icon(<path d="M15 5l-7 7 7 7" />);

export const NextIcon = icon(<path d="M9 5l7 7-7 7" />);

/** Three dots in a row: the overflow menu. */
export const MoreIcon = icon(<path d="M5 12h.01M12 12h.01M19 12h.01" strokeWidth={3.4} />);

export const UndoIcon = icon(paths('M9 14L4 9l5-5', 'M4 9h10a6 6 0 010 12h-3'));

export const RedoIcon = icon(paths('M15 14l5-5-5-5', 'M20 9H10a6 6 0 000 12h3'));

/** A chevron that points down (closed) or up (open): the workshop panel's expand toggle. */
export function ChevronIcon({ up = false }: { up?: boolean }) {
  return (
    <svg {...common}>
      <path d={up ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} />
    </svg>
  );
}

/** Back to the sessions: an arrow to the left, out of the board. */
export const LibraryIcon = icon(paths('M10 6l-6 6 6 6', 'M4 12h11a5 5 0 015 5v1'));

/** A tray with an arrow out of it: export. */
export const ExportIcon = icon(paths('M12 15V4M7.5 8.5L12 4l4.5 4.5', 'M5 13v6h14v-6'));

/** A phone: the phones in the room. */
export const PhoneIcon = icon(
  <>
    <rect x="7" y="2.5" width="10" height="19" rx="2" />
    <path d="M11 18.5h2" />
  </>,
);

/** A tray with an arrow into it: the inbox of topics from phones. */
export const InboxIcon = icon(paths('M12 4v9M7.5 8.5L12 13l4.5-4.5', 'M4 14h4l1.5 2.5h5L16 14h4v6H4z'));
