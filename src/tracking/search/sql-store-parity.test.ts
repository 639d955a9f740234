// Fixes found by the differential test against MLflow 3.17's SQL store (test/mlflow/search.test.ts).
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/helpers';
import { parseExperimentFilter, validateRunOrderBy } from './index';

describe('search: SQL store messages', () => {
  it('ordering runs by a dataset field fails like SqlAlchemyStore._get_orderby_clauses', async () => {
    expect(await errorOf(() => validateRunOrderBy(['datasets.name']))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: "Invalid identifier type 'dataset'",
    });
  });

  it('an experiment tag with a wrong comparator fails like SqlAlchemyStore.search_experiments', async () => {
    expect(await errorOf(() => parseExperimentFilter("tags.team > 'a'"))).toEqual({
      code: 'INVALID_PARAMETER_VALUE', message: 'Invalid comparator for tag: >',
    });
  });

  it('SEARCH is an sqlparse keyword, so an unquoted search-a is no comparison', async () => {
    expect((await errorOf(() => parseExperimentFilter('name = search-a'))).message).toBe(
      'Invalid clause(s) in filter string: name, =, search, -, a',
    );
  });
});

describe('search: LIKE as SQL evaluates it', () => {
  it('lets % and _ match newlines and anchors at the very end, like SQLite (MLflow SQL store)', async () => {
    const { likeToRegExp } = await import('./compile');
    expect(likeToRegExp('%line', false).test('multi\nline')).toBe(true);
    expect(likeToRegExp('multi_line', false).test('multi\nline')).toBe(true);
    expect(likeToRegExp('abc', false).test('abc\n')).toBe(false);
    expect(likeToRegExp('a.c', false).test('abc')).toBe(false);
    expect(likeToRegExp('ΔELTA', true).test('δelta')).toBe(true); // Unicode ILIKE: documented difference from SQLite
  });
});
