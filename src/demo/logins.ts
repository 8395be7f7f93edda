/**
 * One demo account per role, all with the same password (printed at start, listed in the
 * README). The `.invalid` domain can never receive mail.
 */
export const DEMO_PASSWORD = 'parley-demo-2026';

export type DemoRole =
  | 'admin'
  | 'organiser'
  | 'partner'
  | 'focalPointUs'
  | 'focalPointPakistan'
  | 'rapporteur'
  | 'moderator'
  | 'participant'
  | 'sponsor';

export interface DemoLogin {
  role: DemoRole;
  /** What the account can do, as printed at start. */
  label: string;
  email: string;
  displayName: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    role: 'admin',
    label: 'platform admin',
    email: 'admin@demo.parley.invalid',
    displayName: 'Demo admin',
  },
  {
    role: 'organiser',
    label: 'organiser (RPI, convener)',
    email: 'organiser@demo.parley.invalid',
    displayName: 'Demo organiser (RPI)',
  },
  {
    role: 'partner',
    label: 'partner organiser (Wilson Center)',
    email: 'partner@demo.parley.invalid',
    displayName: 'Demo partner organiser (Wilson Center)',
  },
  {
    role: 'focalPointUs',
    label: 'focal point, United States',
    email: 'focal-us@demo.parley.invalid',
    displayName: 'Demo focal point (United States)',
  },
  {
    role: 'focalPointPakistan',
    label: 'focal point, Pakistan',
    email: 'focal-pk@demo.parley.invalid',
    displayName: 'Demo focal point (Pakistan)',
  },
  {
    role: 'rapporteur',
    label: 'rapporteur (fictional)',
    email: 'rapporteur@demo.parley.invalid',
    displayName: 'Iris Fenwold (fictional rapporteur)',
  },
  {
    role: 'moderator',
    label: 'moderator (fictional)',
    email: 'moderator@demo.parley.invalid',
    displayName: 'Haroon Saltrangi (fictional moderator)',
  },
  {
    role: 'participant',
    label: 'participant (fictional attendee)',
    email: 'participant@demo.parley.invalid',
    displayName: 'Zoya Ravidin (fictional attendee)',
  },
  {
    role: 'sponsor',
    label: 'sponsor (US Embassy, Pakistan)',
    email: 'sponsor@demo.parley.invalid',
    displayName: 'Demo sponsor (US Embassy, Pakistan)',
  },
];

export const demoLogin = (role: DemoRole): DemoLogin => DEMO_LOGINS.find((l) => l.role === role)!;
