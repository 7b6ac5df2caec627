/**
 * The private calendar feed of street inspections: /api/account/calendar-feed (the signed-in
 * user's own: state, new secret URL, revoke) and /api/calendar/inspections.ics?token=… (the feed
 * itself, for calendar apps: no sign-in, the secret is the key; in the query string, which the
 * request log leaves out).
 */
import { Router, type Request } from 'express';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { baseUrlFor } from '../residents/alerts.service';
import * as feeds from './calendar-feeds.service';

const who = (req: Request) => ({ user: currentUser(req), ip: req.ip ?? null });

export function calendarFeedsRouter(): Router {
  const r = Router();
  r.get('/api/account/calendar-feed', requireUser(), async (req, res) => {
    res.json(await feeds.feedState(who(req)));
  });
  r.post('/api/account/calendar-feed', requireUser(), async (req, res) => {
    res
      .status(201)
      .json(await feeds.createFeed(who(req), baseUrlFor(`${req.protocol}://${req.get('host')}`)));
  });
  r.delete('/api/account/calendar-feed', requireUser(), async (req, res) => {
    await feeds.revokeFeed(who(req));
    res.status(204).end();
  });
  r.get('/api/calendar/inspections.ics', async (req, res) => {
    const { token } = feeds.CalendarFeedQuery.parse(req.query);
    const body = await feeds.inspectionsCalendar(token);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="schouwen.ics"');
    res.send(body);
  });
  return r;
}
