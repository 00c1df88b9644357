// Turning a routine's reminders on (the routine page's checkbox, Settings' list, "Remind me
// here"): reminders come for routines the person follows, so this follows it too; and the slot
// already open is counted as reminded, so turning reminders on at 12:50 does not at once
// announce the 08:00 reminder the person has just chosen to have. The next one comes at its time.
import { localDay, localMinuteOfDay } from '$lib/adherence/days';
import { followChoice } from '$lib/adherence/follow';
import { noticeTag, withShown } from '$lib/reminders/notice-text';
import { slotAt } from '$lib/reminders/times';
import { settings } from '$lib/settings.svelte';

/** Call before storing `on: true` for a routine whose reminder times are `times`. */
export async function beforeReminderOn(
	programId: string,
	times: readonly string[],
	now: number = Date.now()
): Promise<void> {
	const today = localDay(now);
	await settings.update('follows', (follows) => ({
		...follows,
		[programId]: followChoice(
			Object.hasOwn(follows, programId) ? follows[programId] : undefined,
			today
		)
	}));
	const slot = slotAt(times, localMinuteOfDay(now));
	if (slot >= 0) {
		const tag = noticeTag(programId, today, slot);
		await settings.update('remindersShown', (shown) => withShown(shown, [tag]));
	}
}
