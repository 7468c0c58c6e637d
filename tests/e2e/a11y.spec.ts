import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AREA_IDS } from '../../src/renderer/src/app/area-ids.ts';
import { startHarness, type Harness } from '../fixtures/harness.ts';

let harness: Harness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => harness.close());

/** axe's serious and critical findings, one readable line per failing node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    for (const area of AREA_IDS) {
      test(`the ${area} page has no serious or critical violation`, async ({ page }) => {
        await page.goto(`${harness.url}#/${area}`);
        await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
        await expect(page.locator('main h1').first()).toBeVisible();
        await expect(page.getByLabel('Active profile')).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('the command palette and the shortcut help have no serious or critical violation', async ({ page }) => {
      await page.goto(harness.url);
      await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Go to anything' });
      await expect(palette.getByRole('option').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('navigation', { name: 'Areas' }).getByRole('button').first().focus();
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the shell works from the keyboard alone, with a visible focus ring', async ({ page }) => {
  await page.goto(harness.url);
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await expect(nav).toBeVisible();
  // Tab reaches the sidebar; the focused control shows an outline.
  for (let presses = 0; presses < 30; presses += 1) {
    await page.keyboard.press('Tab');
    if (await nav.evaluate((element) => element.contains(document.activeElement))) break;
  }
  const focused = page.locator(':focus');
  await expect(focused).toBeVisible();
  const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  const label = (await focused.textContent())?.trim();
  await expect(page.locator('main h1').first()).toHaveText(new RegExp(label ?? ''));

  // Ctrl+K, type, Enter: land on an area without the mouse; focus goes back where it was.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('webhooks');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/webhooks$/);
});
