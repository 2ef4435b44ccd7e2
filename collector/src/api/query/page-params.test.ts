import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/raceway-error.js';
import { pageParams, totalPages } from './page-params.js';

describe('pageParams', () => {
  it.each([
    [{}, { page: 1, pageSize: 20 }],
    [
      { page: '3', page_size: '50' },
      { page: 3, pageSize: 50 },
    ],
    [{ page: '0' }, { page: 1, pageSize: 20 }],
    [{ page: ['2', '9'] }, { page: 2, pageSize: 20 }],
    [{ page_size: '' }, { page: 1, pageSize: 20 }],
    [{ page_size: '1000000' }, { page: 1, pageSize: 10_000 }],
    [{ page: '99999999999999999999' }, { page: 1_000_000_000, pageSize: 20 }],
  ])('reads %j as %j', (query, expected) => {
    expect(pageParams(query, 20)).toEqual(expected);
  });

  it.each([{ page_size: '0' }, { page_size: 'all' }, { page: '-1' }, { page: '1.5' }])(
    'refuses %j with a reason naming the parameter',
    (query) => {
      expect(() => pageParams(query, 20)).toThrow(ValidationError);
      expect(() => pageParams(query, 20)).toThrow(/page/);
    },
  );

  it('counts pages without dividing by zero', () => {
    expect(totalPages(0, 10)).toBe(0);
    expect(totalPages(15, 10)).toBe(2);
  });
});
