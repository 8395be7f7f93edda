import { isHttpUrl } from '../../../domain/links.ts';

/**
 * The source of a piece of evidence, in brackets, as a link: only an http(s) URL becomes one,
 * whatever is stored (a javascript: URL saved before the API refused it shows nothing).
 */
export function EvidenceLink({ url, label }: { url: string | null; label: string }) {
  if (!isHttpUrl(url)) return null;
  return (
    <>
      {' '}
      (
      <a href={url} rel="noopener noreferrer">
        {label}
      </a>
      )
    </>
  );
}
