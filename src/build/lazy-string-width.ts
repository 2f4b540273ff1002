/**
 * Bundle-only stand-in for `string-width` (used by yargs and cliui to lay out help text). The real
 * module builds an `Intl.Segmenter` when it is imported, which costs ~20 ms per copy at every
 * start-up, although a lint run never prints help. Printable ASCII is one column per character;
 * anything else is measured by the real module, loaded on first use.
 */
declare const require: (id: string) => { default: (text: string, options?: object) => number };

let real: ((text: string, options?: object) => number) | undefined;

export default function stringWidth(text: string, options?: object): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  real ??= require('string-width').default;
  return real(text, options);
}
