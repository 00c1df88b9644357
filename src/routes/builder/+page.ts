// The builder works on drafts in IndexedDB: its page is a static shell filled in the browser.
export const ssr = false;
