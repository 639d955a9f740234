/**
 * Conformance table for filter parsing. Every expectation below was produced by MLflow itself
 * (mlflow 3.17 SearchUtils.parse_search_filter, then the comparator checks of _does_run_match_clause);
 * filters come from mlflow/mlflow tests/utils/test_search_utils.py (named per group), from
 * MLFLOW-REFERENCE.md §3, and from sqlparse corner cases. Python prints sets in hash order; we print
 * them in MLflow's source order.
 */
import { describe, expect, it } from 'vitest';
import { isMlflowError } from '../../core/errors';
import { parseRunFilter, searchSyntaxOf } from './index';
import type { RunFilter } from './index';

type Expected = Array<[string, string, string, string | number | string[] | null]>;

/** The AND list of a filter MLflow accepts, as [type, key, comparator, value] rows. */
function flat(f: RunFilter): Expected {
  if (f.op !== 'and') throw new Error(`not an MLflow AND list: ${JSON.stringify(f)}`);
  return f.items.map((n) => {
    if (n.op !== 'cmp') throw new Error('nested');
    const c = n.clause;
    return [c.type, c.key, c.comparator, c.value];
  });
}

const VALID: Array<[string, Expected]> = [
  // MLflow: test_filter
  ["metric.acc >= 0.94", [["metric", "acc", ">=", 0.94]]],
  ["metric.acc>=100", [["metric", "acc", ">=", 100.0]]],
  ["params.m!='tf'", [["parameter", "m", "!=", "tf"]]],
  ["params.\"m\"!=\"tf\"", [["parameter", "m", "!=", "tf"]]],
  ["metric.\"legit name\" >= 0.243", [["metric", "legit name", ">=", 0.243]]],
  ["metrics.XYZ = 3", [["metric", "XYZ", "=", 3.0]]],
  ["params.\"cat dog\" = \"pets\"", [["parameter", "cat dog", "=", "pets"]]],
  ["metrics.\"X-Y-Z\" = 3", [["metric", "X-Y-Z", "=", 3.0]]],
  ["metrics.\"X//Y#$$@&Z\" = 3", [["metric", "X//Y#$$@&Z", "=", 3.0]]],
  ["params.model = 'LinearRegression'", [["parameter", "model", "=", "LinearRegression"]]],
  ["metrics.rmse < 1 and params.model_class = 'LR'", [["metric", "rmse", "<", 1.0], ["parameter", "model_class", "=", "LR"]]],
  ["`metric`.a >= 0.1", [["metric", "a", ">=", 0.1]]],
  ["tags.version = 'commit-hash'", [["tag", "version", "=", "commit-hash"]]],
  ["`tags`.source_name = 'a notebook'", [["tag", "source_name", "=", "a notebook"]]],
  ["metrics.\"accuracy.2.0\" > 5", [["metric", "accuracy.2.0", ">", 5.0]]],
  ["metrics.`spacey name` > 5", [["metric", "spacey name", ">", 5.0]]],
  ["params.\"p.a.r.a.m\" != \"a\"", [["parameter", "p.a.r.a.m", "!=", "a"]]],
  ["tags.\"t.a.g\" = \"a\"", [["tag", "t.a.g", "=", "a"]]],
  ["attribute.artifact_uri = '1/23/4'", [["attribute", "artifact_uri", "=", "1/23/4"]]],
  ["attribute.start_time >= 1234", [["attribute", "start_time", ">=", 1234]]],
  ["run.status = 'RUNNING'", [["attribute", "status", "=", "RUNNING"]]],
  ["dataset.name = 'my_dataset'", [["dataset", "name", "=", "my_dataset"]]],
  ["tags.version IS NULL", [["tag", "version", "IS NULL", null]]],
  ["tags.version IS NOT NULL", [["tag", "version", "IS NOT NULL", null]]],
  ["params.lr IS NULL", [["parameter", "lr", "IS NULL", null]]],
  ["params.lr IS NOT NULL", [["parameter", "lr", "IS NOT NULL", null]]],
  ["tags.a IS NULL AND params.b = 'val'", [["tag", "a", "IS NULL", null], ["parameter", "b", "=", "val"]]],
  // MLflow: test_correct_quote_trimming
  ["params.m = 'LR'", [["parameter", "m", "=", "LR"]]],
  ["params.m = \"LR\"", [["parameter", "m", "=", "LR"]]],
  ["params.m = \"L'Hosp\"", [["parameter", "m", "=", "L'Hosp"]]],
  // MLflow: test_correct_filtering
  ["attributes.status = 'FAILED'", [["attribute", "status", "=", "FAILED"]]],
  ["datasets.name IN ('name1', 'name2')", [["dataset", "name", "IN", ["name1", "name2"]]]],
  ["datasets.digest IN ('digest1', 'digest2')", [["dataset", "digest", "IN", ["digest1", "digest2"]]]],
  ["datasets.name = 'name1' AND datasets.context = 'train'", [["dataset", "name", "=", "name1"], ["dataset", "context", "=", "train"]]],
  // reference §3.1
  ["tags.`mlflow.user` = 'alice'", [["tag", "mlflow.user", "=", "alice"]]],
  ["tags.team ILIKE '%NLP%'", [["tag", "team", "ILIKE", "%NLP%"]]],
  ["attributes.run_name ILIKE '%baseline%'", [["attribute", "run_name", "ILIKE", "%baseline%"]]],
  ["created >= 1735689600000", [["attribute", "created", ">=", 1735689600000]]],
  ["attributes.run_id IN ('a1b2', 'c3d4')", [["attribute", "run_id", "IN", ["a1b2", "c3d4"]]]],
  ["datasets.name IN ('train_v1','train_v2') AND datasets.context = 'training'", [["dataset", "name", "IN", ["train_v1", "train_v2"]], ["dataset", "context", "=", "training"]]],
  ["attributes.artifact_uri LIKE 'mlflow-artifacts:%'", [["attribute", "artifact_uri", "LIKE", "mlflow-artifacts:%"]]],
  ["params.lr LIKE '0.0%'", [["parameter", "lr", "LIKE", "0.0%"]]],
  // sqlparse quirk: juxtaposed comparisons are AND-ed
  ["metrics.a > 1 metrics.b < 2", [["metric", "a", ">", 1.0], ["metric", "b", "<", 2.0]]],
  // sqlparse quirk: stray ANDs are ignored
  ["and metrics.a > 1 and", [["metric", "a", ">", 1.0]]],
  // sqlparse quirk: dotted key without quotes
  ["tags.mlflow.user = 'x'", [["tag", "mlflow.user", "=", "x"]]],
  // sqlparse quirk: quotes are trimmed, never unescaped
  ["params.a = 'it''s'", [["parameter", "a", "=", "it''s"]]],
  // sqlparse quirk: lower-case in/not in
  ["run_id not in ('a')", [["attribute", "run_id", "NOT IN", ["a"]]]],
  // sqlparse quirk: IN list with upper case and digits kept
  ["run_id IN ('ABC', '123')", [["attribute", "run_id", "IN", ["ABC", "123"]]]],
  // sqlparse quirk: Python literal concatenation
  ["run_id IN ('a' 'b')", [["attribute", "run_id", "IN", ["ab"]]]],
  // sqlparse quirk: float forms
  ["metrics.a > .5 and metrics.b < 5. and metrics.c >= 1.5e-3 and metrics.d != -1", [["metric", "a", ">", 0.5], ["metric", "b", "<", 5.0], ["metric", "c", ">=", 0.0015], ["metric", "d", "!=", -1.0]]],
  // sqlparse quirk: run name alias
  ["`Run name` = 'a'", [["attribute", "Run name", "=", "a"]]],
];

const INVALID: Array<[string, string]> = [
  // sqlparse quirk: NOT LIKE is a comparator (rejected later)
  ["params.a NOT LIKE 'x'", "Invalid comparator 'NOT LIKE' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'"],
  // MLflow: test_error_filter
  ["metric.acc >= 0.94; metrics.rmse < 1", "Search filter contained multiple expression 'metric.acc >= 0.94; metrics.rmse < 1'. Provide AND-ed expression list."],
  ["m.acc >= 0.94", "Invalid entity type 'm'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"],
  ["acc >= 0.94", "Invalid attribute key 'acc' specified. Valid keys are '{'artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id', 'created', 'Created', 'run name', 'Run name', 'Run Name'}'"],
  ["attri.x != 1", "Invalid entity type 'attri'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"],
  ["metrics.A > 0.1 NAND params.B = 'LR'", "Invalid clause(s) in filter string: 'metrics.A > 0.1 NAND'"],
  ["`metrics.A > 0.1", "Invalid clause(s) in filter string: '`'"],
  ["param`.A > 0.1", "Invalid clause(s) in filter string: 'param', '`', '.'"],
  ["attribute.experiment_id != 1", "Invalid attribute key 'experiment_id' specified. Valid keys are '{'artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id', 'created', 'Created', 'run name', 'Run name', 'Run Name'}'"],
  ["attribute.lifecycle_stage = 'ACTIVE'", "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{'artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id', 'created', 'Created', 'run name', 'Run name', 'Run Name'}'"],
  ["attribute.status = true", "Invalid clause(s) in filter string: 'attribute.status', '=', 'true'"],
  ["dataset.status = 'true'", "Invalid dataset key 'status' specified. Valid keys are '{'name', 'digest', 'context'}'"],
  ["dataset.profile = 'num_rows: 10'", "Invalid dataset key 'profile' specified. Valid keys are '{'name', 'digest', 'context'}'"],
  ["metrics.acc IS NULL", "IS NULL / IS NOT NULL is only supported for tags and params, not for 'metric' 'acc'"],
  ["attribute.status IS NULL", "IS NULL / IS NOT NULL is only supported for tags and params, not for 'attribute' 'status'"],
  // MLflow: test_error_comparison_clauses
  ["metric.model = 'LR'", "Expected numeric value type for metric. Found 'LR'"],
  ["metric.model = '5'", "Expected numeric value type for metric. Found '5'"],
  ["params.acc = 5", "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 5"],
  ["tags.acc = 5", "Expected a quoted string value for tag (e.g. 'my-value'). Got value 5"],
  ["metrics.acc != metrics.acc", "Expected numeric value type for metric. Found metrics.acc"],
  ["1.0 > metrics.acc", "Invalid comparison clause. Expected 'Identifier' found '1.0'"],
  ["attribute.status = 1", "Expected a quoted string value for attributes. Got value 1"],
  // MLflow: test_bad_quotes
  ["params.acc = LR", "Parameter value is either not quoted or unidentified quote types used for string value LR. Use either single or double quotes."],
  ["params.acc = `LR`", "Parameter value is either not quoted or unidentified quote types used for string value `LR`. Use either single or double quotes."],
  ["params.'acc = LR", "Invalid clause(s) in filter string: 'params.', '''"],
  ["params.acc = 'LR", "Invalid clause(s) in filter string: 'params.acc', '=', ''', 'LR'"],
  ["tags.acc = \"LR'", "Invalid clause(s) in filter string: 'tags.acc', '=', '\"', 'LR', '''"],
  ["tags.acc = = 'LR'", "Invalid clause(s) in filter string: 'tags.acc', '=', '=', ''LR''"],
  ["attribute.status IS 'RUNNING'", "Invalid clause(s) in filter string: 'attribute.status', 'IS', ''RUNNING''"],
  // MLflow: test_invalid_clauses
  ["params.acc LR !=", "Invalid clause(s) in filter string: 'params.acc LR', '!='"],
  ["metric.acc !=", "Invalid clause(s) in filter string: 'metric.acc', '!='"],
  ["foo is null", "Invalid attribute key 'foo' specified. Valid keys are '{'artifact_uri', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id', 'created', 'Created', 'run name', 'Run name', 'Run Name'}'"],
  ["1=1", "Invalid comparison clause. Expected 'Identifier' found '1'"],
  ["1==2", "Invalid comparison clause. Expected 'Identifier' found '1'"],
  // MLflow: test_bad_comparators
  ["metrics.abc ~ 1.0", "Invalid comparator '~' not one of '{'>', '>=', '!=', '=', '<', '<='}"],
  ["params.abc > 'my-param-value'", "Invalid comparator '>' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'"],
  ["tags.abc <= 'my-tag-value'", "Invalid comparator '<=' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}"],
  ["attributes.status > 'my-tag-value'", "Invalid comparator '>' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}'"],
  ["attributes.start_time LIKE 1234", "Invalid comparator 'LIKE' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}"],
  ["datasets.name >= 'my-dataset-name'", "Invalid comparator '>=' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}"],
  // reference §3.2
  ["metrics.acc > 0.9 AND params.opt = 0.01", "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 0.01"],
  ["params.opt = adam", "Parameter value is either not quoted or unidentified quote types used for string value adam. Use either single or double quotes."],
  ["metrics.acc = 'high'", "Expected numeric value type for metric. Found 'high'"],
  ["attributes.status IN ('FINISHED','FAILED')", "Only ['run_id'] attributes support comparison with a list of quoted string values."],
  ["metrics.a > 1; metrics.b < 2", "Search filter contained multiple expression 'metrics.a > 1; metrics.b < 2'. Provide AND-ed expression list."],
  ["tags.stage IS 'x'", "Invalid clause(s) in filter string: 'tags.stage', 'IS', ''x''"],
  // errors: list parsing (_parse_list_from_sql_token)
  ["run_id IN ()", "While parsing a list in the query, expected a non-empty list of string values, but got empty list"],
  ["run_id IN (1, 2)", "While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: (1, 2)"],
  ["run_id IN ('a', 1)", "While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ('a', 1)"],
  // errors: sqlparse grouping
  ["params.a = 'x' b", "Invalid clause(s) in filter string: 'params.a = 'x' b'"],
  ["metrics.a > 1, metrics.b > 2", "Invalid clause(s) in filter string: 'metrics.a > 1, metrics.b > 2'"],
  ["tags.my-tag = 'x'", "Invalid comparison clause. Expected 'Identifier' found 'tags.my-tag'"],
  ["lower(tags.a) = 'x'", "Invalid comparison clause. Expected 'Identifier' found 'lower(tags.a)'"],
  ["metrics.a > 0x1F", "Invalid clause(s) in filter string: 'metrics.a', '>', '0x1F'"],
  ["user = 'x'", "Invalid clause(s) in filter string: 'user', '=', ''x''"],
  ["metrics.a > 1;", "Invalid clause(s) in filter string: ';'"],
  ["metrics.a > 1 -- note", "Invalid clause(s) in filter string: '-- note'"],
  // errors: evaluation-time comparator (raised at parse here)
  ["params.a == 'x'", "Invalid comparator '==' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'"],
  ["params.a NOT LIKE 'x'", "Invalid comparator 'NOT LIKE' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'"],
  ["datasets.name RLIKE 'x'", "Invalid comparator 'RLIKE' not one of '{'!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}"],
  // errors: comparators checked after all values
  ["created ilike 1e3 AND tags.x >= 1.5", "Expected a quoted string value for tag (e.g. 'my-value'). Got value 1.5"],
  // errors: whitespace-only filter
  [" ", "Invalid filter ' '. Could not be parsed."],
  // errors: multiple statements repr
  ["params.a = 'x'; params.b = 'y'", "Search filter contained multiple expression \"params.a = 'x'; params.b = 'y'\". Provide AND-ed expression list."],
];

describe('MLflow filter conformance: accepted filters', () => {
  it.each(VALID)('%s', (filter, expected) => {
    expect(flat(parseRunFilter(filter))).toEqual(expected);
  });
});

describe('MLflow filter conformance: rejected filters', () => {
  it.each(INVALID)('%s', (filter, message) => {
    let error: unknown;
    try {
      parseRunFilter(filter);
    } catch (e) {
      error = e;
    }
    expect(isMlflowError(error, 'INVALID_PARAMETER_VALUE')).toBe(true);
    expect((error as Error).message).toBe(message);
    const syntax = searchSyntaxOf(error);
    expect(syntax).toBeDefined();
    expect(syntax!.position).toBeGreaterThanOrEqual(0);
    expect(syntax!.position).toBeLessThanOrEqual(filter.length);
    expect(syntax!.expected.length).toBeGreaterThan(0);
  });
});

describe('empty filters', () => {
  it('matches everything, like MLflow', () => {
    expect(parseRunFilter('')).toEqual({ op: 'and', items: [] });
  });
});
