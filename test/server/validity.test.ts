/**
 * How the server turns a consent's `validTo` (a date-time, or a duration such as `P90D`) into the
 * moment it ends, counted from when the request is created.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveValidTo } from '../../src/server/validity.js';

const now = new Date('2026-03-01T12:00:00Z');
const resolved = (value: string, from = now): string => resolveValidTo(value, from).toISOString();

describe('resolveValidTo', () => {
  it('counts days, weeks, hours, minutes and seconds from now', () => {
    assert.equal(resolved('P90D'), '2026-05-30T12:00:00.000Z');
    assert.equal(resolved('P2W'), '2026-03-15T12:00:00.000Z');
    assert.equal(resolved('PT12H'), '2026-03-02T00:00:00.000Z');
    assert.equal(resolved('PT30M'), '2026-03-01T12:30:00.000Z');
    assert.equal(resolved('PT1.5S'), '2026-03-01T12:00:01.500Z');
    assert.equal(resolved('P1DT2H30M'), '2026-03-02T14:30:00.000Z');
  });

  it('counts calendar years and months', () => {
    assert.equal(resolved('P1Y'), '2027-03-01T12:00:00.000Z');
    assert.equal(resolved('P1Y6M'), '2027-09-01T12:00:00.000Z');
    assert.equal(resolved('P12M'), '2027-03-01T12:00:00.000Z');
    assert.equal(resolved('P1Y', new Date('2028-02-28T00:00:00Z')), '2029-02-28T00:00:00.000Z');
  });

  it('stays in the target month: 31 January + P1M is the end of February', () => {
    assert.equal(resolved('P1M', new Date('2026-01-31T12:00:00Z')), '2026-02-28T12:00:00.000Z');
    assert.equal(resolved('P1Y', new Date('2028-02-29T12:00:00Z')), '2029-02-28T12:00:00.000Z');
    assert.equal(resolved('P1M1D', new Date('2026-01-31T12:00:00Z')), '2026-03-01T12:00:00.000Z');
  });

  it('ends at once for a zero duration (the handler refuses it as not in the future)', () => {
    for (const value of ['PT0S', 'P0D', 'P0Y0M']) assert.equal(resolved(value), now.toISOString());
  });

  it('does not change the `now` it was given', () => {
    resolveValidTo('P90D', now);
    assert.equal(now.toISOString(), '2026-03-01T12:00:00.000Z');
  });

  it('returns a date-time as the moment it names', () => {
    assert.equal(resolved('2026-06-01T00:00:00+02:00'), '2026-05-31T22:00:00.000Z');
    assert.equal(resolved('2026-07-18T06:18:12.25971+00:00'), '2026-07-18T06:18:12.259Z');
  });

  it('answers an invalid date for anything else, and beyond any date there is', () => {
    for (const value of ['tomorrow', '', 'P', 'PT', 'P90', 'ninety days', 'P300000Y']) {
      assert.ok(Number.isNaN(resolveValidTo(value, now).getTime()), value);
    }
  });
});
