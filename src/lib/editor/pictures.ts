// The pictures a person may give an exercise of their own: the catalogue's, one per image.
import type { CatalogueEntry } from '$lib/builder/catalogue';

export interface Picture {
	image: string;
	alt: string;
	name: string;
	/** The exercise's poses, when it has them: they come with the picture. */
	images?: string[];
}

/** Each image of the catalogue once, named after the first exercise that shows it. */
export function picturesOf(entries: readonly CatalogueEntry[]): Picture[] {
	const seen = new Map<string, Picture>();
	for (const entry of entries) {
		if (entry.image === undefined || seen.has(entry.image)) continue;
		seen.set(entry.image, {
			image: entry.image,
			alt: entry.imageAlt ?? entry.name,
			name: entry.name,
			...(entry.images ? { images: [...entry.images] } : {})
		});
	}
	return [...seen.values()];
}
