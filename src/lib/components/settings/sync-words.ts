// Settings → Sync's words (pure): what a sync moved ("12 sessions and 1 routine"), why it failed,
// and why an address or a field is refused, in the interface's language (docs/i18n.md).
import { formatNumber, pluralForm } from '$lib/i18n/plural';
import type { Locale } from '$lib/i18n/locale';
import * as m from '$lib/paraglide/messages';
import type { AddressProblem } from '$lib/sync/server-address';

/** What a sync moved, by kind of document. */
export interface Moved {
	sessions: number;
	routines: number;
	settings: number;
	checks: number;
}

type Counted = (inputs: { count: string }, options: { locale: Locale }) => string;

const COUNTED: readonly [keyof Moved, Counted, Counted][] = [
	['sessions', m.sync_moved_sessions_one, m.sync_moved_sessions_other],
	['routines', m.sync_moved_routines_one, m.sync_moved_routines_other],
	['settings', m.sync_moved_settings_one, m.sync_moved_settings_other],
	['checks', m.sync_moved_checks_one, m.sync_moved_checks_other]
];

/** "12 sessions and 1 routine", or '' when nothing moved. */
export function movedText(moved: Partial<Moved> | undefined, locale: Locale): string {
	const parts = COUNTED.flatMap(([kind, one, other]) => {
		const count = moved?.[kind] ?? 0;
		if (count <= 0) return [];
		const counted = pluralForm(count, locale) === 'one' ? one : other;
		return [counted({ count: formatNumber(count, locale) }, { locale })];
	});
	return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
}

const ERRORS: Record<string, (inputs: object, options: { locale: Locale }) => string> = {
	unauthorized: m.sync_error_unauthorized,
	forbidden: m.sync_error_forbidden,
	'no-database': m.sync_error_no_database,
	network: m.sync_error_network,
	server: m.sync_error_server,
	conflicts: m.sync_error_conflicts
};

/** Why a sync stopped (a SyncError's kind; anything else is the device's storage failing). */
export function syncErrorText(kind: string, locale: Locale): string {
	return (ERRORS[kind] ?? m.sync_error_storage)({}, { locale });
}

const ADDRESS: Record<AddressProblem, (inputs: object, options: { locale: Locale }) => string> = {
	required: m.sync_problem_required,
	'not-url': m.sync_problem_not_url,
	'not-https': m.sync_problem_not_https,
	credentials: m.sync_problem_credentials,
	extra: m.sync_problem_extra,
	host: m.sync_problem_host
};

/** Why the server address typed is refused. */
export function addressProblemText(problem: AddressProblem, locale: Locale): string {
	return ADDRESS[problem]({}, { locale });
}
