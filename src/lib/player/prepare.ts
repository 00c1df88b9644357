// The get-ready length a session plays with. Settings may replace the routine's own
// `prepareSeconds` ('program' keeps it); the timeline is derived from the program, so a resumed
// session must keep the length it started with, or a checkpoint's step index would point at
// another step. The checkpoint carries that length; checkpoints written before the setting
// existed have none and played the routine's own.
import type { Program } from '$lib/program/types';

/** The get-ready setting: the routine's own length, or this many seconds. */
export type PrepareSetting = 'program' | number;

/** The program with its get-ready length set (the same object when nothing changes). */
export function withPrepareSeconds(program: Program, seconds: number): Program {
	return seconds === program.prepareSeconds ? program : { ...program, prepareSeconds: seconds };
}

/**
 * The get-ready length of a session: a resumed one keeps its checkpoint's (the routine's own
 * when the checkpoint has none), a new one takes the setting.
 */
export function sessionPrepareSeconds(
	program: Program,
	setting: PrepareSetting,
	checkpoint?: { prepareSeconds?: number }
): number {
	if (checkpoint) return checkpoint.prepareSeconds ?? program.prepareSeconds;
	return setting === 'program' ? program.prepareSeconds : setting;
}

/** The program as a session plays it, for a new session or one resumed from its checkpoint. */
export function programForSession(
	program: Program,
	setting: PrepareSetting,
	checkpoint?: { prepareSeconds?: number }
): Program {
	return withPrepareSeconds(program, sessionPrepareSeconds(program, setting, checkpoint));
}
