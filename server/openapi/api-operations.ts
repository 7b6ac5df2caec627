/**
 * Every HTTP route of the app with what the OpenAPI document says about it: a summary, who may
 * call it, and the zod schemas the route validates with where they are exported (query, body).
 * tests/integration/openapi.test.ts fails when a route of the app is missing here or an entry
 * names a route that no longer exists.
 */
import type { z } from 'zod';
import { Login } from '../auth/auth-input';
import { CreateCampaign } from '../campaigns/campaign-input';
import {
  AttendanceBody,
  CodeBody,
  CreateEvening,
  PublicLang,
  SignupBody,
  UpdateEvening,
} from '../evenings/evening-input';
import { AuditQuery, NewUser, UserChange } from '../admin/admin.service';
import { CampaignListQuery, TodoQuery } from '../campaigns/campaign-office';
import { CalendarFeedQuery } from '../calendar/calendar-feeds.service';
import { EmbedOriginsBody } from '../embed/embed.service';
import {
  CreateInspection,
  FindingsBody,
  FollowUpBody,
  RouteRequest,
  UpdateInspection,
} from '../inspections/inspection-input';
import { ChecklistBody, PlanningQuery } from '../inspections/inspection-planning.service';
import { FilterQuery } from '../public/public.service';
import { SubscribeBody } from '../residents/alerts.service';
import { FeedQuery } from '../residents/feeds.service';
import { OpenDataQuery } from '../residents/open-data.service';

/** public: no sign-in; session: a session cookie (with CSRF token) or an API token; roles say more. */
export type Access = 'public' | 'signed-in' | 'officer' | 'team' | 'admin';

export interface Operation {
  summary: string;
  tag:
    | 'public'
    | 'residents'
    | 'account'
    | 'admin'
    | 'incidents'
    | 'analysis'
    | 'campaigns'
    | 'inspections'
    | 'effect'
    | 'evenings'
    | 'tiles';
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Media type of a successful answer (default application/json). */
  produces?: string;
}

export const OPERATIONS: Record<string, Operation> = {
  'GET /api/public/municipalities': {
    summary: 'Municipalities with a public map',
    tag: 'public',
    access: 'public',
  },
  'GET /api/public/:code/streets': {
    summary: 'Published burglary figures per street',
    tag: 'public',
    access: 'public',
    query: FilterQuery,
  },
  'GET /api/public/:code/areas': {
    summary: 'Published burglary figures per area',
    tag: 'public',
    access: 'public',
    query: FilterQuery,
  },
  'GET /api/public/:code/search': {
    summary: 'Streets for a postcode or street name, with their figure',
    tag: 'public',
    access: 'public',
    query: FilterQuery,
  },
  'GET /tiles/public/:code/:z/:x/:y.mvt': {
    summary: 'Vector tile of street figures (204 when empty)',
    tag: 'tiles',
    access: 'public',
    query: FilterQuery,
    produces: 'application/vnd.mapbox-vector-tile',
  },
  'GET /tiles/basemap/:z/:x/:y.mvt': {
    summary: 'Base map vector tile (OpenStreetMap)',
    tag: 'tiles',
    access: 'public',
    produces: 'application/vnd.mapbox-vector-tile',
  },
  'GET /fonts/:fontstack/:range.pbf': {
    summary: 'Map label glyphs (SDF PBF)',
    tag: 'tiles',
    access: 'public',
    produces: 'application/x-protobuf',
  },
  'GET /api/health': {
    summary: 'Health of server, database, Redis and worker',
    tag: 'public',
    access: 'public',
  },
  'POST /api/public/:code/alerts': {
    summary: 'Subscribe to e-mail alerts (double opt-in: a confirmation mail follows)',
    tag: 'residents',
    access: 'public',
    body: SubscribeBody,
  },
  'GET /alerts/confirm': {
    summary: 'Confirmation page (a button that confirms)',
    tag: 'residents',
    access: 'public',
    produces: 'text/html',
  },
  'POST /alerts/confirm': {
    summary: 'Confirm a subscription',
    tag: 'residents',
    access: 'public',
    produces: 'text/html',
  },
  'GET /alerts/unsubscribe': {
    summary: 'Unsubscribe page (one button)',
    tag: 'residents',
    access: 'public',
    produces: 'text/html',
  },
  'POST /alerts/unsubscribe': {
    summary: 'Unsubscribe at once (also RFC 8058 one-click)',
    tag: 'residents',
    access: 'public',
    produces: 'text/html',
  },
  'GET /api/public/:code/streets/:id/feed.atom': {
    summary: 'Atom feed of a street',
    tag: 'residents',
    access: 'public',
    query: FeedQuery,
    produces: 'application/atom+xml',
  },
  'GET /api/public/:code/areas/:key/feed.atom': {
    summary: 'Atom feed of an area',
    tag: 'residents',
    access: 'public',
    query: FeedQuery,
    produces: 'application/atom+xml',
  },
  'GET /api/public/:code/open-data': {
    summary: 'Open data catalogue: downloads, licence, data dictionary',
    tag: 'residents',
    access: 'public',
  },
  'GET /api/public/:code/open-data/:file': {
    summary: 'Open data download: streets.csv, streets.geojson, areas.csv or areas.geojson',
    tag: 'residents',
    access: 'public',
    query: OpenDataQuery.pick({ period: true }),
    produces: 'text/csv',
  },
  'GET /api/openapi.json': { summary: 'This document', tag: 'public', access: 'public' },
  'GET /api/docs': {
    summary: 'This document as a readable page',
    tag: 'public',
    access: 'public',
    produces: 'text/html',
  },
  'POST /api/session': {
    body: Login,
    summary: 'Sign in (password, TOTP where required)',
    tag: 'account',
    access: 'public',
  },
  'GET /api/session': { summary: 'The current session', tag: 'account', access: 'signed-in' },
  'DELETE /api/session': { summary: 'Sign out', tag: 'account', access: 'signed-in' },
  'POST /api/account/totp': { summary: 'Start TOTP enrolment', tag: 'account', access: 'signed-in' },
  'POST /api/account/totp/confirm': {
    summary: 'Confirm TOTP enrolment with a code',
    tag: 'account',
    access: 'signed-in',
  },
  'GET /api/account/sessions': { summary: 'My sessions', tag: 'account', access: 'signed-in' },
  'DELETE /api/account/sessions': { summary: 'End my other sessions', tag: 'account', access: 'signed-in' },
  'GET /api/account/tokens': { summary: 'My API tokens', tag: 'account', access: 'signed-in' },
  'POST /api/account/tokens': { summary: 'Create an API token', tag: 'account', access: 'signed-in' },
  'DELETE /api/account/tokens/:id': {
    summary: 'Revoke one of my API tokens',
    tag: 'account',
    access: 'signed-in',
  },
  'GET /api/account/calendar-feed': {
    summary: 'Whether I have a private calendar feed of my inspections',
    tag: 'account',
    access: 'signed-in',
  },
  'POST /api/account/calendar-feed': {
    summary: 'A new secret calendar feed URL of my inspections (the old one stops working)',
    tag: 'account',
    access: 'signed-in',
  },
  'DELETE /api/account/calendar-feed': {
    summary: 'Revoke my calendar feed (its URL answers 410)',
    tag: 'account',
    access: 'signed-in',
  },
  'GET /api/calendar/inspections.ics': {
    summary: "A user's inspections as iCalendar, by the secret in ?token= (404 unknown, 410 revoked)",
    tag: 'account',
    access: 'public',
    query: CalendarFeedQuery,
    produces: 'text/calendar',
  },
  'GET /embed/:code': {
    summary: "The public map for an iframe, framed only by the municipality's sites (CSP frame-ancestors)",
    tag: 'residents',
    access: 'public',
    produces: 'text/html',
  },
  'GET /api/municipalities/:code/embed-origins': {
    summary: 'The sites that may embed the public map, and the embed path',
    tag: 'residents',
    access: 'officer',
  },
  'PUT /api/municipalities/:code/embed-origins': {
    summary: 'Replace the sites that may embed the public map (https://host[:port] each)',
    tag: 'admin',
    access: 'admin',
    body: EmbedOriginsBody,
  },
  'GET /api/admin/users': { summary: 'Users', tag: 'admin', access: 'admin' },
  'POST /api/admin/users': { summary: 'Create a user', tag: 'admin', access: 'admin', body: NewUser },
  'PATCH /api/admin/users/:id': { summary: 'Change a user', tag: 'admin', access: 'admin', body: UserChange },
  'POST /api/admin/users/:id/password': { summary: "Reset a user's password", tag: 'admin', access: 'admin' },
  'GET /api/admin/tokens': { summary: 'All API tokens', tag: 'admin', access: 'admin' },
  'DELETE /api/admin/tokens/:id': { summary: 'Revoke an API token', tag: 'admin', access: 'admin' },
  'GET /api/admin/audit': {
    summary: 'Audit log (JSON or CSV)',
    tag: 'admin',
    access: 'admin',
    query: AuditQuery,
  },
  'GET /api/inspections/options': {
    summary: 'Streets, team members and checklist for planning an inspection',
    tag: 'inspections',
    access: 'team',
    query: PlanningQuery,
  },
  'PUT /api/inspections/checklist': {
    summary: "The municipality's inspection checklist ([] = the default)",
    tag: 'inspections',
    access: 'officer',
    body: ChecklistBody,
  },
  'PUT /api/inspections/:id/findings/:findingId/photo': {
    summary: 'Photo of a finding (JPEG, PNG or WebP body; stored re-encoded without EXIF or GPS)',
    tag: 'inspections',
    access: 'team',
  },
  'GET /api/inspections/:id/findings/:findingId/photo': {
    summary: 'Photo of a finding',
    tag: 'inspections',
    access: 'team',
    produces: 'image/jpeg',
  },
  'GET /api/inspections': { summary: 'Street inspections', tag: 'inspections', access: 'team' },
  'POST /api/inspections': {
    body: CreateInspection,
    summary: 'Plan a street inspection',
    tag: 'inspections',
    access: 'team',
  },
  'GET /api/inspections/:id': { summary: 'One inspection', tag: 'inspections', access: 'team' },
  'PATCH /api/inspections/:id': {
    body: UpdateInspection,
    summary: 'Change an inspection',
    tag: 'inspections',
    access: 'team',
  },
  'POST /api/inspections/:id/route': {
    body: RouteRequest,
    summary: 'Compute the walking route',
    tag: 'inspections',
    access: 'team',
  },
  'POST /api/inspections/:id/findings': {
    summary: 'Record findings',
    tag: 'inspections',
    access: 'team',
    body: FindingsBody,
  },
  'GET /api/inspections/:id/findings': {
    summary: 'Findings of an inspection',
    tag: 'inspections',
    access: 'team',
  },
  'GET /api/inspections/:id/findings.csv': {
    summary: 'Findings as CSV',
    tag: 'inspections',
    access: 'team',
    produces: 'text/csv',
  },
  'PATCH /api/inspections/:id/findings/:findingId': {
    summary: 'Follow-up of a finding',
    tag: 'inspections',
    access: 'team',
    body: FollowUpBody,
  },
  'POST /api/inspections/:id/sheet': {
    summary: 'Render the A4 sheet (worker)',
    tag: 'inspections',
    access: 'team',
  },
  'GET /api/inspections/:id/sheet.pdf': {
    summary: 'The A4 sheet',
    tag: 'inspections',
    access: 'team',
    produces: 'application/pdf',
  },
  'POST /api/incidents/import': {
    summary: 'Import police data (police.uk CSV, nl-csv, GeoJSON)',
    tag: 'incidents',
    access: 'officer',
  },
  'GET /api/incidents/:id': { summary: 'One incident (audited)', tag: 'incidents', access: 'officer' },
  'GET /api/streets/activity': {
    summary: 'Burglaries per street in a period',
    tag: 'analysis',
    access: 'officer',
  },
  'GET /api/clusters': { summary: 'Near-repeat clusters', tag: 'analysis', access: 'officer' },
  'GET /api/risk-zones': { summary: 'Cocoon and watch zones', tag: 'analysis', access: 'officer' },
  'GET /api/near-repeat/knox': { summary: 'Knox test', tag: 'analysis', access: 'officer' },
  'GET /tiles/:layer/:z/:x/:y.mvt': {
    summary: "Officers' vector tiles (incidents, streets)",
    tag: 'tiles',
    access: 'officer',
    produces: 'application/vnd.mapbox-vector-tile',
  },
  'GET /api/campaigns': {
    summary: 'Letter campaigns',
    tag: 'campaigns',
    access: 'officer',
    query: CampaignListQuery,
  },
  'POST /api/campaigns': {
    body: CreateCampaign,
    summary: 'Create a letter campaign',
    tag: 'campaigns',
    access: 'officer',
  },
  'POST /api/campaigns/preview': {
    body: CreateCampaign,
    summary: 'Preview the addresses of a selection',
    tag: 'campaigns',
    access: 'officer',
  },
  'POST /api/campaigns/preview/letter.png': {
    body: CreateCampaign,
    summary: 'Preview a letter as an image',
    tag: 'campaigns',
    access: 'officer',
    produces: 'image/png',
  },
  'POST /api/campaigns/:id/cancel': { summary: 'Cancel a campaign', tag: 'campaigns', access: 'officer' },
  'POST /api/campaigns/:id/retry': { summary: 'Retry failed letters', tag: 'campaigns', access: 'officer' },
  'GET /api/campaigns/:id/events': {
    summary: 'Progress of a campaign (server-sent events)',
    tag: 'campaigns',
    access: 'officer',
    produces: 'text/event-stream',
  },
  'GET /api/letters/todo': {
    summary: 'Burglaries whose streets have no letter yet',
    tag: 'campaigns',
    access: 'officer',
    query: TodoQuery,
  },
  'GET /api/streets/letter-age': {
    summary: 'When each street last had a letter',
    tag: 'campaigns',
    access: 'officer',
  },
  'GET /api/streets/:id/letters': {
    summary: 'Letters sent to a street',
    tag: 'campaigns',
    access: 'officer',
  },
  'GET /api/campaigns/:id': { summary: 'One campaign', tag: 'campaigns', access: 'officer' },
  'GET /api/campaigns/:id/letters.pdf': {
    summary: 'Letters of a campaign as one PDF',
    tag: 'campaigns',
    access: 'officer',
    produces: 'application/pdf',
  },
  'GET /api/campaigns/:id/letters.zip': {
    summary: 'Letters of a campaign as a ZIP',
    tag: 'campaigns',
    access: 'officer',
    produces: 'application/zip',
  },
  'GET /api/campaigns/:id/manifest.csv': {
    summary: 'Who got which letter (CSV)',
    tag: 'campaigns',
    access: 'officer',
    produces: 'text/csv',
  },
  'GET /api/effect': {
    summary:
      'Did it work? The effect measures of a municipality and period, each with its counts and interval',
    tag: 'effect',
    access: 'officer',
  },
  'GET /api/effect/factsheet.pdf': {
    summary:
      'The council factsheet (A4, Dutch or English: lang=nl|en), with a map of where the burglaries were',
    tag: 'effect',
    access: 'officer',
    produces: 'application/pdf',
  },
  'GET /api/effect/figures.csv': {
    summary:
      'The effect figures of a municipality and period as CSV (one line per number, with its interval)',
    tag: 'effect',
    access: 'officer',
    produces: 'text/csv',
  },
  'GET /api/effect/campaigns/:id/figures.csv': {
    summary: 'The effect figures of one campaign as CSV',
    tag: 'effect',
    access: 'officer',
    produces: 'text/csv',
  },
  'GET /api/effect/campaigns/:id': {
    summary: 'The effect measures of one campaign',
    tag: 'effect',
    access: 'officer',
  },
  'POST /api/subsidies/import': {
    summary: 'Import subsidy applications (CSV, all or nothing, line-numbered errors)',
    tag: 'effect',
    access: 'officer',
  },
  'GET /api/subsidies/streets': {
    summary: 'Subsidy applications per street (aggregated, never an address)',
    tag: 'effect',
    access: 'officer',
  },
  'GET /api/public/:code/evenings': {
    query: PublicLang,
    summary: 'Upcoming prevention evenings: date, venue, area (nothing personal)',
    tag: 'evenings',
    access: 'public',
  },
  'GET /api/public/:code/evenings.ics': {
    summary: 'The evenings as an iCalendar feed (webcal)',
    tag: 'evenings',
    access: 'public',
    produces: 'text/calendar',
  },
  'GET /api/public/:code/evenings/:id.ics': {
    summary: 'One evening as iCalendar',
    tag: 'evenings',
    access: 'public',
    produces: 'text/calendar',
  },
  'POST /api/public/signup/lookup': {
    body: CodeBody,
    summary: 'The evening of a personal sign-up code (rate limited)',
    tag: 'evenings',
    access: 'public',
  },
  'POST /api/public/signup': {
    body: SignupBody,
    summary: 'Sign up, or change a sign-up, with the personal code',
    tag: 'evenings',
    access: 'public',
  },
  'POST /api/public/signup/cancel': {
    body: CodeBody,
    summary: 'Cancel a sign-up with the personal code',
    tag: 'evenings',
    access: 'public',
  },
  'GET /api/evenings': {
    summary: 'Prevention evenings of the municipality',
    tag: 'evenings',
    access: 'officer',
  },
  'POST /api/evenings': {
    body: CreateEvening,
    summary: 'Plan a prevention evening',
    tag: 'evenings',
    access: 'officer',
  },
  'GET /api/evenings/:id': { summary: 'One evening', tag: 'evenings', access: 'officer' },
  'PATCH /api/evenings/:id': {
    body: UpdateEvening,
    summary: 'Change an evening until it is held',
    tag: 'evenings',
    access: 'officer',
  },
  'POST /api/evenings/:id/cancel': { summary: 'Cancel an evening', tag: 'evenings', access: 'officer' },
  'POST /api/evenings/:id/invitations': {
    summary: 'Invite every residential address of the area (letters with personal codes)',
    tag: 'evenings',
    access: 'officer',
  },
  'GET /api/evenings/:id/response': {
    summary: 'Invited, signed up and coming, per street',
    tag: 'evenings',
    access: 'officer',
  },
  'GET /api/evenings/:id/response.csv': {
    summary: 'The response per street as CSV',
    tag: 'evenings',
    access: 'officer',
    produces: 'text/csv',
  },
  'POST /api/evenings/:id/attendance': {
    body: AttendanceBody,
    summary: 'Tick attendance by code',
    tag: 'evenings',
    access: 'officer',
  },
};
