import { describe, expect, it } from 'vitest';
import {
	StorageError,
	isLostConnectionError,
	isQuotaError,
	isStorageError,
	toStorageError
} from './errors';

describe('storage errors', () => {
	it('recognise every spelling of "out of space"', () => {
		expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
		expect(isQuotaError(new DOMException('legacy', 'Error'))).toBe(false);
		expect(isQuotaError(new Error('nope'))).toBe(false);
	});

	it('turn IndexedDB errors into typed errors with plain messages', () => {
		const quota = toStorageError(new DOMException('full', 'QuotaExceededError'));
		expect(quota.kind).toBe('quota');
		expect(quota.message).toMatch(/^Your device is out of storage space: /);
		expect(quota.cause).toBeInstanceOf(DOMException);
		expect(toStorageError(new DOMException('v', 'VersionError')).kind).toBe('outdated');
		expect(toStorageError(new DOMException('x', 'DataError')).kind).toBe('unknown');
		const same = new StorageError('blocked');
		expect(toStorageError(same)).toBe(same);
		expect(isStorageError(same, 'blocked')).toBe(true);
		expect(isStorageError(same, 'quota')).toBe(false);
		expect(isStorageError(new Error('x'))).toBe(false);
	});

	it('know which errors mean a lost connection', () => {
		expect(isLostConnectionError(new DOMException('x', 'InvalidStateError'))).toBe(true);
		expect(isLostConnectionError(new DOMException('x', 'UnknownError'))).toBe(true);
		expect(isLostConnectionError(new DOMException('x', 'QuotaExceededError'))).toBe(false);
		expect(isLostConnectionError(null)).toBe(false);
	});
});
