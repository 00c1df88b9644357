// Whether a session is playing right now. The player sets `playing` while a session runs;
// the update prompt reads it so that an update is never offered in the middle of a session.
export const sessionActivity = $state({ playing: false });
