// The name the page's bootstrap ($lib/server/paint-first) and Settings → Sync share: where this
// device remembers, while sync is on, the origin of the person's server (localStorage, so that the
// next page load knows it before any script runs). The bootstrap narrows the page's `connect-src`
// to this origin alone, and to the app's own origin when there is none (docs/sync.md, "The
// content security policy"). A module of its own, with no imports, so the server reads only this.

/** localStorage key of the sync server's origin ("https://couch.example.org"), set only while on. */
export const SYNC_ORIGIN_KEY = 'limber-sync-origin';

/** What an origin stored under SYNC_ORIGIN_KEY must look like to be put in the policy. */
export const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/;
