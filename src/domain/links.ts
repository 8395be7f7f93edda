// No zod here: the web app's page chunks import this without pulling zod in.

/**
 * True for an http: or https: URL only. Renderers make a link of a stored URL only when this
 * holds, whatever the database says (rows stored before the API refused other schemes, an
 * imported document), so a javascript: or data: URL never becomes a clickable link.
 */
export function isHttpUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
