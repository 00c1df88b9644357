// Whether a session needs the page to stay as it is: playing, or ended with its record not yet
// stored, or with answers typed on the summary and not yet saved. The update prompt reads `busy`
// so that an update (a reload) is never offered while something would be lost.
class SessionActivity {
	/** A session is playing (or paused) on this page, or its record is not stored yet. */
	playing = $state(false);
	/** The summary holds answers that are not saved yet. */
	answering = $state(false);

	/** Whether reloading now could lose something. */
	get busy(): boolean {
		return this.playing || this.answering;
	}
}

export const sessionActivity = new SessionActivity();
