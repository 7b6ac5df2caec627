/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on a page in headless Chromium. The script is evaluated
 * through DevTools, so the page's Content-Security-Policy stays as it is. The map canvas is left
 * out: axe cannot judge a WebGL picture, whose text alternative is the page's table.
 * Returns one line per violation ('rule (impact): first targets'); [] when none.
 */
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';

export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const r = await axe.run(
      { exclude: [['.maplibregl-canvas']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}
