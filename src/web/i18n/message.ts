/**
 * A message of a catalogue. A plural message chooses its form from the `count` parameter through
 * Intl.PluralRules; {name} placeholders are filled in by translate().
 */
export type Plural = {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
};
export type Message = string | Plural;
