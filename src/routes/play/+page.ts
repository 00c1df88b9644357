// The player runs only in the browser: its page is a static shell.
export const ssr = false;
