import { BACKGROUNDS, GENDERS, PARTICIPATION_ROLES, SERIES_ROLES } from '../../domain/enums.ts';
import type { I18n } from './I18nProvider.tsx';

const has = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** A participation or series role in the reader's language (unknown values shown as they are). */
export function roleLabel({ t }: Pick<I18n, 't'>, role: string): string {
  if (has(PARTICIPATION_ROLES, role)) return t(`role.${role}`);
  if (has(SERIES_ROLES, role)) return t(`seriesRole.${role}`);
  return role;
}

export function backgroundLabel({ t }: Pick<I18n, 't'>, value: string): string {
  return has(BACKGROUNDS, value) ? t(`background.${value}`) : value;
}

export function genderLabel({ t }: Pick<I18n, 't'>, value: string): string {
  return has(GENDERS, value) ? t(`gender.${value}`) : value;
}
