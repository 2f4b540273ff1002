import type { ActionClass, SensitivityClass } from './diagram-model.js';

/**
 * Colours of the report. Every pair used for text meets WCAG AA (4.5:1) and every line or
 * border that carries meaning 3:1 against the canvas; tests/report/palette.test.ts checks the
 * pairs listed in CONTRAST_PAIRS. Colour never carries meaning alone: classes also have a text
 * tag and a header pattern, FK actions a dash pattern and a legend.
 */
export interface ClassColours {
  /** Tag background (white text on it) and column stripe. */
  readonly strong: string;
  /** Header background (ink text on it). */
  readonly soft: string;
}

export const INK = '#1b2230';
export const MUTED = '#4b5565';
export const CANVAS = '#f4f6f9';
export const SURFACE = '#ffffff';
export const BORDER = '#c9d0da';
export const ACCENT = '#1f56c7';
export const SELECTED = '#111827';
export const PLAIN_HEADER = '#e8ecf2';
/** Borders of buttons, inputs and table boxes (WCAG 1.4.11: 3:1 for component boundaries). */
export const CONTROL_BORDER = '#7a8494';
export const ERROR_TEXT = '#b42318';
export const WARNING_TEXT = '#8a4b00';

export const CLASS_COLOURS: Readonly<Record<SensitivityClass, ClassColours>> = {
  phi: { strong: '#b42318', soft: '#fde4e1' },
  special: { strong: '#6b3fc8', soft: '#ece6fd' },
  pii: { strong: '#9a4a04', soft: '#fcefd2' },
  credential: { strong: '#0b6478', soft: '#d9f1f7' },
  unclassified: { strong: '#7c4a03', soft: '#fff7df' },
};

export const ACTION_COLOURS: Readonly<Record<ActionClass, string>> = {
  cascade: '#c2410c',
  'set null': '#1d4ed8',
  'set default': '#0f766e',
  restrict: '#344054',
  'no action': '#4b5565',
  undeclared: '#6b7280',
};

/** SVG stroke-dasharray per action: the pattern, not the colour, is what tells them apart. */
export const ACTION_DASH: Readonly<Record<ActionClass, string>> = {
  cascade: '',
  'set null': '7 4',
  'set default': '7 3 2 3',
  restrict: '',
  'no action': '2 4',
  undeclared: '11 5',
};

export const FLAG_COLOUR = '#a4262c';
export const ENCRYPTED_COLOUR = '#146c2e';

/** Pairs that must be readable: [foreground, background, minimum ratio, what it is]. */
export const CONTRAST_PAIRS: readonly (readonly [string, string, number, string])[] = [
  [INK, CANVAS, 4.5, 'body text'],
  [MUTED, SURFACE, 4.5, 'secondary text'],
  [MUTED, CANVAS, 4.5, 'secondary text on canvas'],
  [ACCENT, SURFACE, 4.5, 'links'],
  [INK, PLAIN_HEADER, 4.5, 'plain table header'],
  ...Object.entries(CLASS_COLOURS).flatMap(([name, c]) => [
    [SURFACE, c.strong, 4.5, `${name} tag`] as const,
    [INK, c.soft, 4.5, `${name} header`] as const,
    [c.strong, SURFACE, 4.5, `${name} outlined tag`] as const,
  ]),
  ...Object.entries(ACTION_COLOURS).flatMap(([name, colour]) => [
    [colour, SURFACE, 3, `${name} edge`] as const,
    [colour, CANVAS, 3, `${name} edge on canvas`] as const,
  ]),
  [FLAG_COLOUR, SURFACE, 4.5, 'flag tag text'],
  [CONTROL_BORDER, SURFACE, 3, 'button, input and table borders'],
  [CONTROL_BORDER, CANVAS, 3, 'table borders on the canvas'],
  [ERROR_TEXT, SURFACE, 4.5, 'error severity'],
  [WARNING_TEXT, SURFACE, 4.5, 'warning severity'],
  [ENCRYPTED_COLOUR, SURFACE, 4.5, 'encrypted tag text'],
  [BORDER, SURFACE, 1.4, 'table border (decorative; the header carries the shape)'],
];

/** WCAG 2.x contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
