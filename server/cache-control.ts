/** `Cache-Control` values of the built client's files. */
export const CacheControl = {
  /** Names carry a content hash: a changed file gets a new name, so keep it a year and never ask. */
  hashedAsset: 'public, max-age=31536000, immutable',
  /** `index.html` and unhashed files: keep a copy, but ask every time whether it changed. */
  revalidate: 'no-cache',
  /** A page made for the person asking (it names what they may see): no shared cache keeps it. */
  personal: 'private, no-cache',
} as const;
