// Hands the details chosen on the program page (pain before, level) to the player page,
// within one page life: the Start tap that unlocks audio also starts the session.

export interface StartIntent {
	programId: string;
	painBefore?: number;
	level?: number;
}

let pending: StartIntent | null = null;

/** Remembers that the person tapped Start for this program. */
export function setStartIntent(intent: StartIntent): void {
	pending = intent;
}

/** Returns and forgets the intent for this program, if there is one. */
export function takeStartIntent(programId: string): StartIntent | null {
	const intent = pending;
	pending = null;
	return intent && intent.programId === programId ? intent : null;
}
