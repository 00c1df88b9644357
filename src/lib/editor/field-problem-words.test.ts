import { describe, expect, it } from 'vitest';
import { fieldProblemText } from './field-problem-words';

describe('fieldProblemText', () => {
	it('says the common field problems in the interface language', () => {
		expect(fieldProblemText('must not be empty', 'de')).toEqual({
			text: 'darf nicht leer sein',
			lang: 'de'
		});
		expect(fieldProblemText('must be a whole number from 1 to 20', 'es')).toEqual({
			text: 'debe ser un número entero de 1 a 20',
			lang: 'es'
		});
		expect(
			fieldProblemText('must be at most 120 characters long (this one has 130)', 'fr')
		).toEqual({
			text: 'doit compter au plus 120 caractères',
			lang: 'fr'
		});
	});

	it('keeps English as it was', () => {
		expect(fieldProblemText('must be a number from 0.5 to 60', 'en').text).toBe(
			'must be a number from 0.5 to 60'
		);
	});

	it('leaves any other problem in English, marked so', () => {
		expect(fieldProblemText('must be one of "a", "b"', 'de')).toEqual({
			text: 'must be one of "a", "b"',
			lang: 'en'
		});
	});
});
