// The pattern sandbox: ECMAScript results (Unicode mode) from the worker, a bounded time per test,
// and a fresh worker after one was stopped.
import { describe, expect, it } from 'vitest';
import { limits } from '../../generator/core/limits.ts';
import { PatternTimeout, testPattern } from '../../generator/validators/pattern-sandbox.ts';

describe('testPattern', () => {
  it('answers as RegExp with the u flag does', () => {
    expect(testPattern('^\\d{4}-\\d{2}$', '2024-01')).toBe(true);
    expect(testPattern('^\\d{4}-\\d{2}$', '2024-1')).toBe(false);
    expect(testPattern('^.$', '😀')).toBe(true); // one code point in Unicode mode
    expect(testPattern('^\\p{Lu}', 'Élan')).toBe(true);
  });

  it('stops a catastrophic backtrack after limits.patternMs, then fails that pattern at once', () => {
    const started = performance.now();
    expect(() => testPattern('^(a+)+$', 'a'.repeat(40) + '!')).toThrow(PatternTimeout);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(limits.patternMs - 5);
    expect(waited).toBeLessThan(limits.patternMs + 5000);
    const again = performance.now();
    expect(() => testPattern('^(a+)+$', 'aa')).toThrow(/took longer than 1000 ms/);
    expect(performance.now() - again).toBeLessThan(limits.patternMs);
    // the next test gets a new worker
    expect(testPattern('^b+$', 'bbb')).toBe(true);
  });
});
