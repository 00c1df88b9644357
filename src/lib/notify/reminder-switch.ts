// What turning a routine's reminders on (or changing their times while on) does besides storing
// the setting: reminders are for routines the person follows, so turning them on follows it; and
// the slot already open is counted as reminded, so turning reminders on at 12:50 (or adding a
// 12:30 time at 12:50) does not at once announce a slot the person is choosing right now, in the
// app. The next one comes at its time. See docs/reminders.md, "Notifications".
import { localDay, localMinuteOfDay } from '$lib/adherence/days';
import { followChoice } from '$lib/adherence/follow';
import { noticeTag, withShown } from '$lib/reminders/notice-text';
import { slotAt } from '$lib/reminders/times';
import { settings } from '$lib/settings.svelte';

/** Counts the slot open at `now` for these times as reminded (nothing when before the first). */
export async function quietOpenSlot(
	programId: string,
	times: readonly string[],
	now: number = Date.now()
): Promise<void> {
	const slot = slotAt(times, localMinuteOfDay(now));
	const time = times[slot];
	if (time === undefined) return;
	const tag = noticeTag(programId, localDay(now), time);
	await settings.update('remindersShown', (shown) => withShown(shown, [tag]));
}

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
	await quietOpenSlot(programId, times, now);
}
