import { useState, type FormEvent } from 'react';
import type { Invitation } from '../../../domain/accounts.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';

/** Invites the person of a participation by email; the secret link is shown once, to copy. */
export function InviteForm({
  participationId,
  onInvited,
}: {
  participationId: string;
  onInvited(): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [email, setEmail] = useState('');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [copied, setCopied] = useState(false);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() =>
      api.post<Invitation>('/invitations', { email, participationId }),
    );
    if (created) {
      setInvitation(created);
      onInvited();
    }
  };
  const copy = async () => {
    if (!invitation?.link) return;
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied(true);
    } catch {
      // no clipboard permission: the link stays selected in its field for a manual copy
    }
  };

  if (invitation?.link) {
    return (
      <div className="invite-link">
        <TextField
          label={t('invite.linkLabel')}
          readOnly
          dir="ltr"
          value={invitation.link}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          {copied ? t('invite.copied') : t('invite.copy')}
        </button>
        {invitation.emailed && <p className="muted">{t('invite.emailed')}</p>}
      </div>
    );
  }
  return (
    <form onSubmit={invite} className="inline-form" noValidate>
      <TextField
        label={t('invite.email')}
        type="email"
        dir="ltr"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={submit.fields.email}
      />
      <button type="submit" disabled={submit.busy}>
        {t('invite.send')}
      </button>
      <Problem error={submit.error} shownFields={['email']} />
    </form>
  );
}
