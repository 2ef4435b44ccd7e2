import type { ParsedUrlQuery } from 'node:querystring';
import { queryInteger } from './query-values.js';

/** Larger requests are served this many (and say so in `page_size`): "load more" UIs keep growing it. */
export const MAX_PAGE_SIZE = 10_000;

/** Pages past this are empty anyway; the cap keeps offsets exact integers (SQL saw `2e+21`). */
export const MAX_PAGE = 1_000_000_000;

export interface PageParams {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * `page` and `page_size` (spec §3.4). Fixes §10.3.4: `page=0` is page 1 (and says so), `page_size=0` is a
 * 400 with the reason instead of a division by zero; sizes above {@link MAX_PAGE_SIZE} and pages above
 * {@link MAX_PAGE} are clamped.
 */
export function pageParams(query: ParsedUrlQuery, defaultPageSize: number): PageParams {
  const page = Math.min(MAX_PAGE, Math.max(1, queryInteger(query, 'page', 1)));
  const asked = queryInteger(query, 'page_size', defaultPageSize, { min: 1 });
  return { page, pageSize: Math.min(asked, MAX_PAGE_SIZE) };
}

export function totalPages(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}
