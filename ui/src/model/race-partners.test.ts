import { describe, expect, it } from 'vitest';
import { makeAccess } from '../testing/event-factory';
import { s1Trace } from '../testing/trace-fixture';
import { eventRaces, racingEventIds } from './race-partners';

describe('race partners of events', () => {
  it('marks every access that races, whether or not an example pair names it', () => {
    const { trace } = s1Trace();
    const racing = racingEventIds({ ...trace, analysis: { ...trace.analysis, race_details: [] } });
    expect([...racing]).toEqual(['write-a', 'write-b']);
  });

  it('gives an access’s listed partners with their trail positions, and the unlisted rest', () => {
    const { trace } = s1Trace();
    const hot = {
      ...trace,
      audit_trails: {
        hits: [
          makeAccess('a', { race_partners: ['c'], race_partner_count: 4 }),
          makeAccess('b'),
          makeAccess('c', { race_partners: ['a'], race_partner_count: 1 }),
        ],
      },
    };
    expect(eventRaces(hot, 'a')).toEqual({
      variable: 'hits',
      index: 0,
      partners: [{ index: 2, access: hot.audit_trails.hits[2] }],
      unlisted: 3,
    });
    expect(eventRaces(hot, 'b')).toBeUndefined();
    expect(eventRaces(hot, 'not-an-access')).toBeUndefined();
  });
});
