// A message's {parameters} filled in: the first-load words' whole template language (the rest
// of the app's messages are compiled by Paraglide).

/** `template` with each {name} replaced by params[name]; an unknown one stays visible. */
export function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
