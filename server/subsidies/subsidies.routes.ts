/**
 * `POST /api/subsidies/import` (officer; multipart: the CSV in field `file`, optional field
 * `municipality`): stores the municipality's subsidy applications, or answers 422 with every
 * problem by line and stores nothing. `GET /api/subsidies/streets?municipality=&from=&to=`
 * (officer): applications per street, aggregated.
 */
import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { config } from '../core/config';
import { QueryDate } from '../core/dates';
import { BadInputError } from '../core/errors';
import { MunicipalityCode, requestedMunicipality } from '../municipalities/municipality-access';
import { importSubsidies, streetApplications, subsidyRejection } from './subsidies.service';

const ImportForm = z.object({ municipality: MunicipalityCode.optional() });
const StreetsQuery = z.object({
  municipality: MunicipalityCode.optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
});

export function subsidiesRouter(): Router {
  const r = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config().INCIDENT_UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 5 },
  });
  r.use('/api/subsidies', requireUser('officer'));
  r.post('/api/subsidies/import', upload.single('file'), async (req, res) => {
    const user = currentUser(req);
    const form = ImportForm.parse(req.body ?? {});
    const municipality = await requestedMunicipality(user, form.municipality, {
      param: "form field 'municipality'",
      unknown: 'bad-input',
    });
    if (!req.file) throw new BadInputError("send the file as multipart/form-data in the field 'file'");
    const summary = await importSubsidies(req.file.buffer, {
      fileName: req.file.originalname || 'upload',
      municipality,
      actor: user.email,
      userId: user.id,
      ip: req.ip ?? null,
    });
    if (!summary.committed) {
      res
        .status(422)
        .json({ error: { code: 'import_rejected', message: subsidyRejection(summary) }, summary });
      return;
    }
    res.json(summary);
  });
  r.get('/api/subsidies/streets', async (req, res) => {
    const q = StreetsQuery.parse(req.query);
    const m = await requestedMunicipality(currentUser(req), q.municipality, {
      param: "query parameter 'municipality'",
      unknown: 'not-found',
    });
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - 365 * 86_400_000);
    res.set('Cache-Control', 'no-store').json({
      municipality: m.code,
      from: from.toISOString(),
      to: to.toISOString(),
      streets: await streetApplications(m.id, from, to),
    });
  });
  return r;
}
