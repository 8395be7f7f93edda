/** Group colours: each at least 3:1 against white (WCAG non-text contrast), told apart by label too. */
export const GROUP_COLOURS = [
  '#0b5cad',
  '#b42318',
  '#1a7f37',
  '#8a4b00',
  '#6e3fb0',
  '#0e7c86',
  '#9c2a74',
  '#4a5360',
];
export const groupColour = (group: number) =>
  GROUP_COLOURS[((group % GROUP_COLOURS.length) + GROUP_COLOURS.length) % GROUP_COLOURS.length];
/** Groups are named by letter, as Pol.is does: A, B, C… */
export const groupLetter = (group: number) => String.fromCharCode(65 + (group % 26));
