import { useI18n } from '../i18n/I18nProvider.tsx';

/** "Round 2: Islamabad, Pakistan": place names isolated so they keep their own direction in Urdu. */
export function RoundTitle({
  round,
}: {
  round: { number: number; city: string; country?: string };
}) {
  const { t } = useI18n();
  return (
    <>
      {t('round.heading', { number: round.number })}: <bdi>{round.city}</bdi>
      {round.country && (
        <>
          {t('common.comma')}
          <bdi>{round.country}</bdi>
        </>
      )}
    </>
  );
}
