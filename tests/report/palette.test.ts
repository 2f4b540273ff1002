import { describe, expect, it } from 'vitest';
import { CONTRAST_PAIRS, contrastRatio } from '../../src/report/palette.js';

describe('report colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(CONTRAST_PAIRS.map(([fg, bg, min, what]) => [what, fg, bg, min] as const))('%s (%s on %s) reaches %s:1', (_what, fg, bg, min) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(min);
  });
});
