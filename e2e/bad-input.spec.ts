// The bad-input corpus through the UI's real inputs, table-driven: every case must be refused with a message naming
// the problem, and the database dump must be identical before and after (expectUnchanged). Cases:
// - model uploads (bundles, model folder zips, .onnx: broken/truncated zips, zip slip, absolute paths, zip bombs,
//   missing/bad MLmodel YAML, bad manifests, ONNX garbage) from the Node corpus test/corpora/bad-bundles.ts, through
//   the Models page's Import dialog (the cases that need custom import limits stay in Node);
// - backups (foreign zips, bad manifests, newer versions, corrupt pages and blobs) from test/corpora/bad-backups.ts,
//   made from a real backup exported from this page, through the Storage page's restore input;
// - names through their text boxes (experiment: empty, too long, duplicate; model: '../', ':', control characters);
// - training CSVs through the Train page's file input, batch CSVs through the serving page's scoring input;
// - run filters through the filter box.
// All cases share one page (one worker runs them in order; a failure restarts it), seeded once with runs, metrics, artifacts and a model.
import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BAD_BACKUPS } from '../test/corpora/bad-backups';
import { BAD_BUNDLES } from '../test/corpora/bad-bundles';
import { appReady, expectUnchanged, snap } from './helpers/app';

const ONNX_FIXTURE = fileURLToPath(new URL('../test/fixtures/mlflow/model-format/onnx/sklearn_model.onnx', import.meta.url));

test.use({ actionTimeout: 20_000 });

let context: BrowserContext;
let page: Page;
let goodBackup: Blob;
let backupFiles: Record<string, Uint8Array>;
let experimentId = '';

/** A RegExp or string expectation as a pattern for text that may carry a prefix ("Not imported. …"). */
const within = (m: RegExp | string): RegExp | string => (typeof m === 'string' ? m : new RegExp(m.source.replace(/^\^/, ''), m.flags));
const asFile = (name: string, bytes: Uint8Array, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.from(bytes) });

test.beforeAll(async ({ browser }, info) => {
  test.setTimeout(120_000);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto('/#/storage');
  await appReady(page);
  experimentId = await page.evaluate(async () => {
    const c = window.flowpad.client;
    const exp = await c.createExperiment('bad-input');
    for (let r = 0; r < 3; r++) {
      const { info } = await c.createRun(exp, { runName: `run-${r}` });
      await c.logBatch(info.runId, {
        params: [{ key: 'lr', value: String(0.01 * (r + 1)) }],
        metrics: Array.from({ length: 50 }, (_, s) => ({ key: 'loss', value: 1 / (s + 1 + r), timestamp: Date.now(), step: s })),
      });
      await c.logText(info.runId, `notes of run ${r}\n`.repeat(20), 'notes.txt');
      await c.logText(info.runId, 'a,b\n1,2\n', 'table.csv');
      await c.setTerminated(info.runId, 'FINISHED');
    }
    return exp;
  });
  // A registered model too (through the real import), so model tables are part of every dump.
  await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import models' });
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(ONNX_FIXTURE);
  await dialog.getByLabel(/Model name/).fill('m');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 1 model.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  // A real backup of all that, exported through the Storage page: the bad backups are made from it.
  await page.goto('/#/storage');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = info.outputPath('good-backup.zip');
  await (await downloading).saveAs(file);
  const bytes = readFileSync(file);
  goodBackup = new Blob([bytes]);
  backupFiles = unzipSync(new Uint8Array(bytes));
});

test.afterAll(async () => {
  await context?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Model uploads: the Models page's Import dialog.
const uploads = BAD_BUNDLES.filter(([, , , , limits, modelName]) => limits === undefined && modelName === undefined);

test('the corpus has at least 50 cases', () => {
  expect(uploads.length + BAD_BACKUPS.length + NAME_CASES.length + CSV_CASES.length + FILTER_CASES.length + BATCH_CASES.length).toBeGreaterThanOrEqual(50);
});

async function openImport(): Promise<Locator> {
  if (!page.url().endsWith('#/models')) await page.goto('/#/models');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  return page.getByRole('dialog', { name: 'Import models' });
}

for (const [name, make, fileName, message] of uploads) {
  test(`model upload: ${name}`, async () => {
    const dialog = await openImport();
    await expectUnchanged(page, async () => {
      await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(asFile(fileName, make()));
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('Not imported.');
      await expect(alert).toContainText(within(message));
    });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Backups: the Storage page's restore input (checked as a whole before anything is written).
for (const [name, make, message] of BAD_BACKUPS) {
  test(`backup: ${name}`, async () => {
    if (!page.url().endsWith('#/storage')) await page.goto('/#/storage');
    const bad = new Uint8Array(await (await make(goodBackup, backupFiles)).arrayBuffer());
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await expectUnchanged(page, async () => {
      await page.getByLabel('Backup file to restore').setInputFiles(asFile('backup.zip', bad, 'application/zip'));
      const refused = dialog.getByRole('alert').filter({ hasNotText: 'Replace' });
      const merge = dialog.getByRole('button', { name: 'Merge' });
      await expect(refused.or(merge)).toBeVisible();
      if (await merge.isVisible()) await merge.click(); // refused only when restoring
      await expect(refused).toContainText(message);
      await expect(dialog.getByText('Nothing in this browser was changed.')).toBeVisible();
    });
    if (name === 'a newer schema') await snap(page, 'bad-input-backup');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Names, through their text boxes.
type NameCase = [what: string, act: () => Promise<void>];
const createExperiment = async (name: string, message: string | RegExp) => {
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Create experiment' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Experiment name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText(message);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
};
const importNamed = async (name: string, message: string | RegExp) => {
  const dialog = await openImport();
  await dialog.getByLabel('Bundle, model folder zip, or ONNX file').setInputFiles(ONNX_FIXTURE);
  await dialog.getByLabel(/Model name/).fill(name);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(message);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
};
const NAME_CASES: NameCase[] = [
  ['experiment name: empty', () => createExperiment('', "Invalid experiment name: ''")],
  ['experiment name: too long', () => createExperiment('x'.repeat(501), /name.*exceeds the maximum length of 500/)],
  ['experiment name: a duplicate', () => createExperiment('bad-input', /bad-input.*already exists/)],
  ['model name: a ../ path', () => importNamed('../evil', "Invalid model name '../evil'. Names cannot contain '/' or ':'.")],
  ['model name: a colon', () => importNamed('a:b', "Invalid model name 'a:b'. Names cannot contain '/' or ':'.")],
];
for (const [what, act] of NAME_CASES) {
  test(what, async () => {
    await expectUnchanged(page, act);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Training CSVs: the Train page's file input refuses them before any run starts.
const CSV_CASES: [what: string, file: string, text: string, message: string][] = [
  ['training CSV: empty', 'empty.csv', '', 'empty.csv is empty.'],
  ['training CSV: only whitespace', 'blank.csv', '  \n \n', 'blank.csv is empty.'],
  ['training CSV: a header but no rows', 'header.csv', 'a,b,c\n', 'header.csv has a header line but no data rows.'],
  ['training CSV: ragged rows', 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n', 'ragged.csv has ragged rows: line 3 has 2 fields, but the header has 3.'],
  ['training CSV: an unclosed quote', 'quote.csv', 'a,b\n1,"oops\n2,3\n', 'quote.csv has a quoted field that is never closed (it starts on line 2).'],
  ['training CSV: duplicate columns', 'dup.csv', 'a,a,b\n1,2,3\n4,5,6\n', "dup.csv has two columns named 'a'; column names must be unique."],
  ['training CSV: a blank column name', 'blankcol.csv', 'a,,b\n1,2,3\n4,5,6\n', 'blankcol.csv: column 2 has no name in the header line.'],
  ['training CSV: a single column', 'one.csv', 'a\n1\n2\n3\n', 'one.csv has a single column; it needs at least one feature column and a target column.'],
  ['training CSV: formula cells and a single column', 'formula.csv', '=cmd|/c calc\n=1+1\n', 'formula.csv has a single column'],
];
for (const [what, file, text, message] of CSV_CASES) {
  test(what, async () => {
    await expectUnchanged(page, async () => {
      if (!page.url().endsWith('#/train')) {
        await page.goto('/#/train');
        await expect(page.getByRole('heading', { level: 1, name: 'New training run' })).toBeVisible();
      }
      await page.getByRole('radio', { name: /Your CSV/ }).click();
      await page.getByLabel('CSV file').setInputFiles(asFile(file, new TextEncoder().encode(text), 'text/csv'));
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Run filters: the filter box shows the error where it occurs; the table keeps its last valid filter.
const FILTER_CASES: [filter: string, names: string][] = [
  ['metrics.loss == 1', "Invalid comparator '==' not one of"],
  ["params.lr = 'unterminated", "Invalid clause(s) in filter string: 'params.lr', '=', ''', 'unterminated'"],
  ['foo.bar = 1', "Invalid entity type 'foo'."],
  ['attributes.nope = 1', "Invalid attribute key 'nope' specified."],
  ['metrics.loss ~ 1', "Invalid comparator '~' not one of"],
  ["metrics.loss = 'abc'", "Expected numeric value type for metric. Found 'abc'"],
  ["params.lr > 'a'", "Invalid comparator '>' not one of"],
  ['params.lr =', "Invalid clause(s) in filter string: 'params.lr', '='"],
  ['))((', "Expected here: no ')' without a matching '('"],
  ['metrics.loss < 1 AND params.lr', 'Invalid clause(s) in filter string'],
];
for (const [filter, names] of FILTER_CASES) {
  test(`run filter: ${filter}`, async () => {
    if (!page.url().includes(`#/experiments/${experimentId}`)) await page.goto(`/#/experiments/${experimentId}`);
    const box = page.getByRole('combobox', { name: 'Filter runs' });
    await expectUnchanged(page, async () => {
      await box.fill(filter);
      await box.press('Enter');
      // The message names the problem and shows this filter (not a previous one) with the offending part marked.
      await expect(page.getByRole('alert')).toContainText(names);
      await expect(page.getByRole('alert')).toContainText(filter);
      await expect(box).toHaveAttribute('aria-invalid', 'true');
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Serving batch CSVs: the serving page's batch scoring of model 'm' (4 numeric columns) refuses them.
const BATCH_CASES: [what: string, file: string, text: string, message: string][] = [
  ['batch CSV: empty', 'empty.csv', '', 'The CSV file is empty.'],
  ['batch CSV: a header but no rows', 'header.csv', 'a,b,c,d\n', 'The CSV file has a header line but no data rows.'],
  ['batch CSV: ragged rows', 'ragged.csv', 'a,b,c,d\n1,2,3,4\n5,6\n', 'Line 3 has 2 fields, but the header has 4.'],
  ['batch CSV: an unclosed quote', 'quote.csv', 'a,b,c,d\n1,2,3,"4\n', 'The CSV file has a quoted field that is never closed (it starts on line 2).'],
];
for (const [what, file, text, message] of BATCH_CASES) {
  test(what, async () => {
    if (!page.url().endsWith('#/models/m/versions/1/serve')) await page.goto('/#/models/m/versions/1/serve');
    const region = page.getByRole('region', { name: 'Batch scoring' });
    await expectUnchanged(page, async () => {
      await region.getByLabel('CSV file to score').setInputFiles(asFile(file, new TextEncoder().encode(text), 'text/csv'));
      await expect(region.getByRole('alert')).toContainText(`${file}: `);
      await expect(region.getByRole('alert')).toContainText(message);
    });
  });
}
