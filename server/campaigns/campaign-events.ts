/**
 * A campaign's progress pushed to the officers' page as server-sent events: the status (as GET
 * /api/campaigns/:id answers it) at once, then again whenever one of its letter jobs finishes
 * (server/letters/letter-events.ts), until it is done or cancelled. A check every 5 s backs the events up (a job finished while Redis was away, a retry through
 * `reconcile`); a comment line every 15 s keeps proxies from closing the stream.
 */
import type { Response } from 'express';
import { onLetterJobs } from '../letters/letter-events';
import type { Actor } from './campaign-access';
import { campaignStatus, type CampaignStatus } from './campaign-status';

const CHECK_MS = 5_000;
const KEEPALIVE_MS = 15_000;

/** Streams campaign `id`'s status to `res`; the first status is read before any header is sent (404 stays JSON). */
export async function streamCampaignStatus(id: number, actor: Actor, res: Response): Promise<void> {
  let last = await campaignStatus(id, actor);
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const send = (s: CampaignStatus) => res.write(`event: status\ndata: ${JSON.stringify(s)}\n\n`);
  send(last);
  const finished = (s: CampaignStatus) => s.status !== 'rendering';
  if (finished(last)) {
    res.end();
    return;
  }
  let busy = false;
  const refresh = async () => {
    if (busy) return;
    busy = true;
    try {
      const s = await campaignStatus(id, actor);
      if (JSON.stringify(s) !== JSON.stringify(last)) send(s);
      last = s;
      if (finished(s)) stop();
    } catch {
      stop();
    } finally {
      busy = false;
    }
  };
  const unsubscribe = onLetterJobs((campaignId) => {
    if (campaignId === id) void refresh();
  });
  const check = setInterval(() => void refresh(), CHECK_MS);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    clearInterval(check);
    clearInterval(keepalive);
    res.end();
  }
  res.on('close', stop);
}
