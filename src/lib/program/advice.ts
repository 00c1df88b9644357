// Advice: notes about a valid program that will probably not play as its author meant, each with
// the JSON path it is about (see "Advice (non-blocking)" in the format's contract). Advice never
// refuses a file and never changes how it plays; the Import page shows it, `npm run validate`
// prints it, and the build lists it for the built-in programs.
//
// Guidance that never plays: "sideNames" on an exercise without sides, "holdCue" on a paced rep
// (its phases' cues are shown instead), "releaseCue" without a hold or timed bout to release.
//
// Back-to-back holds: a hold dose with more than one hold in a row and no
// "restBetweenReps" plays the holds with no release in between (format 1 defaults the rest to
// 0), so ten 10-second holds become 100 seconds of "Hold". An author who writes
// "restBetweenReps": 0 has said so on purpose, and gets no advice.
//
// Translations: a translation that leaves some of the program's texts out (they are shown as
// written, in the program's own language), one advice per language naming how many and the
// first few; and a translation into the program's own language, which is never used.
import { formatPath, type Segment } from '../validation/problems';
import type { Advice, Exercise, Program, ProgramTranslation } from './types';

const hasOwn = (value: unknown, key: string): boolean =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	Object.prototype.hasOwnProperty.call(value, key);

/** How many holds play in a row within a set, and how to say which ones. */
function holdsInARow(exercise: Exercise): { count: number; which: string } {
	switch (exercise.sides) {
		case 'each':
			return { count: exercise.reps, which: ' on each side' };
		case 'alternate':
			return { count: 2 * exercise.reps, which: ', left and right in turn,' };
		default:
			return { count: exercise.reps, which: '' };
	}
}

function backToBackHolds(exercise: Exercise, source: unknown): string | null {
	if (exercise.hold === undefined || exercise.restBetweenReps > 0) return null;
	// "restBetweenReps": 0 written out means no rest on purpose.
	if (hasOwn(source, 'restBetweenReps')) return null;
	const { count, which } = holdsInARow(exercise);
	if (count < 2) return null;
	return (
		`${count} holds of ${exercise.hold} s${which} play back to back with no rest; ` +
		'add "restBetweenReps" (e.g. 5) so the person can relax between them, ' +
		'or write "restBetweenReps": 0 if no rest is meant'
	);
}

/** Guidance fields that this exercise never plays (docs: programs/README.md, "What to do now"). */
function unusedGuidance(exercise: Exercise): Array<{ key: string; message: string }> {
	const out: Array<{ key: string; message: string }> = [];
	if (exercise.sideNames && exercise.sides === 'none') {
		out.push({
			key: 'sideNames',
			message: 'is never shown: this exercise has no sides (set "sides" to "each" or "alternate")'
		});
	}
	if (exercise.holdCue !== undefined && exercise.phases) {
		out.push({
			key: 'holdCue',
			message: 'is never shown: a paced rep shows and says its phases’ cues instead'
		});
	}
	if (
		exercise.releaseCue !== undefined &&
		exercise.hold === undefined &&
		exercise.duration === undefined
	) {
		out.push({
			key: 'releaseCue',
			message:
				'is never shown: it is said when a hold or timed bout ends, and this exercise has neither'
		});
	}
	return out;
}

/** How many untranslated texts an advice names before "and N more". */
export const UNTRANSLATED_SHOWN = 5;

const hasText = (value: unknown): boolean =>
	typeof value === 'string'
		? value.trim() !== ''
		: Array.isArray(value)
			? value.some(hasText)
			: typeof value === 'object' && value !== null
				? Object.values(value).some(hasText)
				: false;

/**
 * The texts of the program that a translation leaves out, as paths inside the translation
 * (`title`, `exercises["cat-stretch"].holdCue`). Texts that are empty in the program need none.
 */
export function untranslatedTexts(program: Program, translation: ProgramTranslation): string[] {
	const missing: string[] = [];
	const check = (original: unknown, translated: unknown, path: Segment[]) => {
		if (hasText(original) && translated === undefined) missing.push(formatPath(path));
	};
	check(program.title, translation.title, ['title']);
	check(program.summary, translation.summary, ['summary']);
	check(program.safety, translation.safety, ['safety']);
	for (const exercise of program.exercises) {
		const texts = hasOwn(translation.exercises, exercise.id)
			? translation.exercises![exercise.id]!
			: {};
		const at = (key: string): Segment[] => ['exercises', exercise.id, key];
		check(exercise.name, texts.name, at('name'));
		check(exercise.instructions, texts.instructions, at('instructions'));
		check(exercise.cautions, texts.cautions, at('cautions'));
		check(exercise.startCue, texts.startCue, at('startCue'));
		check(exercise.holdCue, texts.holdCue, at('holdCue'));
		check(exercise.releaseCue, texts.releaseCue, at('releaseCue'));
		check(exercise.sideNames, texts.sideNames, at('sideNames'));
		check(
			exercise.phases?.map((phase) => phase.cue),
			texts.phases,
			at('phases')
		);
		check(exercise['x-image-alt'], texts['x-image-alt'], at('x-image-alt'));
	}
	return missing;
}

/** Advice about each translation: texts left out, or a translation into the program's own language. */
function translationAdvice(program: Program): Advice[] {
	const advice: Advice[] = [];
	const own = program.language;
	for (const [tag, translation] of Object.entries(program.translations ?? {})) {
		const path = formatPath(['translations', tag]);
		if (tag.toLowerCase() === own.toLowerCase()) {
			advice.push({
				path,
				message:
					`is never used: "${own}" is the program’s own language ("language"), so its own ` +
					'texts are shown; put these texts in the program itself, or remove this translation'
			});
			continue;
		}
		const missing = untranslatedTexts(program, translation);
		if (missing.length === 0) continue;
		const shown = missing.slice(0, UNTRANSLATED_SHOWN).join(', ');
		const rest = missing.length - UNTRANSLATED_SHOWN;
		advice.push({
			path,
			message:
				`leaves ${missing.length} ${missing.length === 1 ? 'text' : 'texts'} untranslated, ` +
				`shown as written in the program’s own language ("${own}"): ${shown}` +
				(rest > 0 ? `, and ${rest} more` : '')
		});
	}
	return advice;
}

/**
 * Advice for a valid program, in exercise order, then about its translations. `source` is the file's value as written
 * (before defaults were filled in), which tells a rest written as 0 from one left out; without
 * it, a rest of 0 counts as left out.
 */
export function adviseProgram(program: Program, source?: unknown): Advice[] {
	const written = hasOwn(source, 'exercises') ? (source as { exercises: unknown }).exercises : [];
	const sources = Array.isArray(written) ? written : [];
	const advice: Advice[] = [];
	program.exercises.forEach((exercise, index) => {
		const message = backToBackHolds(exercise, sources[index]);
		if (message) advice.push({ path: `exercises[${index}]`, message });
		for (const { key, message: unused } of unusedGuidance(exercise)) {
			advice.push({ path: `exercises[${index}].${key}`, message: unused });
		}
	});
	advice.push(...translationAdvice(program));
	return advice;
}
