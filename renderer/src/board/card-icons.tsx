/** Small line icons of the card face and its controls; decorative, the text beside them says it. docs/ARCHITECTURE.md, "The control window". */
const common = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.4,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export function CheckIcon() {
  return (
    <svg {...common} className="card-icon">
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </svg>
  );
}

export function FlagIcon() {
  return (
    <svg {...common} className="card-icon">
      <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
    </svg>
  );
}

export function NotesIcon() {
  return (
    <svg {...common} className="card-icon">
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M9 11h7M9 15h7" />
    </svg>
  );
}

export function QuestionIcon() {
  return (
    <svg {...common} className="card-icon">
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7" />
      <path d="M12 17h.01" />
    </svg>
  );
}

export function InfoIcon() {
  return (
    <svg {...common} width={22} height={22}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v6M12 7.5h.01" />
    </svg>
  );
}

export function MinusIcon() {
  return (
    <svg {...common} width={20} height={20}>
      <path d="M5 12h14" />
    </svg>
  );
}

export function DotPlusIcon() {
  return (
    <svg {...common} width={20} height={20}>
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}
