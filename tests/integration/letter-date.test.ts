/**
 * The date a letter gives for the burglary is the day it began (occurred_from), as the map,
 * the clusters and the risk zones count it. Issue 8: the letter printed occurred_to's day, so a
 * burglary in the night of 14 to 15 March was "15 maart" in the letter and week 11 on the map.
 */
import { closeLetterQueue } from '../../server/letters/letter-queue';
import { closeRedis } from '../../server/core/redis';
import * as repo from '../../server/campaigns/campaigns.repo';
import { createCampaign } from '../../server/campaigns/campaigns.service';
import { letterInputFromRow } from '../../server/letters/letter-source';
import { buildLetterView } from '../../server/letters/letter-view';
import { demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
afterAll(async () => {
  await closeLetterQueue();
  await closeRedis();
});

test('a burglary over night is dated by the evening it began, in Dutch time', async () => {
  const [street] = await demoStreets(t.pool, 10, 40);
  // From 22:30 on Saturday the 14th to 07:00 on Sunday the 15th, Amsterdam time.
  const { rows } = await t.pool.query<{ id: string }>(
    `INSERT INTO incidents (municipality_id, source, external_id, occurred_from, occurred_to, attempt, modus_operandi, address_id, street_id, geom)
     SELECT a.municipality_id, 'test', 'night-1', '2026-03-14T22:30:00+01:00', '2026-03-15T07:00:00+01:00', false, 'latch_slipping', a.id, a.street_id, a.geom
     FROM addresses a WHERE a.street_id = $1 AND a.residential ORDER BY a.id LIMIT 1 RETURNING id`,
    [street!.id],
  );
  const incidentId = Number(rows[0]!.id);
  const campaign = await createCampaign(
    {
      municipality: 'GM0503',
      kind: 'cocoon',
      language: 'nl',
      selection: { streetIds: [street!.id] },
      incidentId,
    },
    { userId: null, actor: 'test', municipalities: 'all' },
  );
  const pending = await repo.pendingLetters(t.pool, campaign.id);
  const [row] = await repo.lettersForRender(t.pool, [pending[0]!.id]);
  const view = await buildLetterView(letterInputFromRow(row!));
  expect(view.incident!.date).toBe('14 maart 2026');
  const week = await t.pool.query<{ week: string }>(
    `SELECT to_char(occurred_from AT TIME ZONE 'Europe/Amsterdam', 'IYYY-"W"IW') AS week FROM incidents WHERE id = $1`,
    [incidentId],
  );
  expect(week.rows[0]!.week).toBe('2026-W11'); // the week the public map shows: Saturday 14 March
});
