import type { Verb } from '../verb.ts';
import { analyzeVerb } from './analyze.ts';

/** Every verb of the `parley` command, in the order `--help` lists them. */
export const verbs: Verb[] = [
  analyzeVerb,
];
