/** Steps on a model version page shared by the registry journeys, through the UI by role and label. */
import { expect, type Page } from '@playwright/test';

/** "Transition stage" on the open version page, optionally archiving the versions already in `stage`. */
export async function transition(page: Page, stage: string, archive: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Transition stage' }).click();
  const dialog = page.getByRole('dialog', { name: /Transition version/ });
  await dialog.getByLabel('New stage').selectOption(stage);
  if (archive) await dialog.getByRole('checkbox', { name: /Archive existing versions/ }).check();
  await dialog.getByRole('button', { name: `Move to ${stage}` }).click();
  await expect(dialog).toBeHidden();
}

/** Gives the open version page an alias, a description and one tag, waiting until each shows. */
export async function annotateVersion(page: Page, o: { alias: string; description: string; tag: [string, string] }): Promise<void> {
  await page.getByLabel('New alias').fill(o.alias);
  await page.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByRole('region', { name: 'Aliases' }).getByText(`@${o.alias}`)).toBeVisible();
  await page.getByRole('button', { name: 'Edit description' }).click();
  await page.getByLabel('Version description').fill(o.description);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Description' }).getByText(o.description)).toBeVisible();
  await page.getByLabel('Tag key').fill(o.tag[0]);
  await page.getByLabel('Tag value').fill(o.tag[1]);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('region', { name: 'Tags' }).getByText(o.tag[1], { exact: true })).toBeVisible();
}
