/**
 * `POST /api/incidents/import` (officer; multipart): the file in field `file`, and optional
 * fields `format`, `municipality` (code), `skipInvalid` (true/false), `allowMove` (true/false: an
 * update may move a stored incident further than STREET_SNAP_DISTANCE_M), `mapping` (nl-csv column
 * mapping as JSON). Answers the import summary; a rejected file answers 422 with the summary.
 * `GET /api/incidents/:id` (officer): one incident with its address; every view is audited.
 */
import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/auth.middleware';
import { config } from '../core/config';
import { BadInputError } from '../core/errors';
import { MunicipalityCode, requestedMunicipality } from '../municipalities/municipality-access';
import { INCIDENT_FORMATS, importIncidents, rejectionMessage } from './incident-import.service';
import { parseMappingJson } from './parsers/nl-csv';
import { incidentDetail } from './incident-detail';

const ImportForm = z.object({
  format: z.enum(INCIDENT_FORMATS).optional(),
  municipality: MunicipalityCode.optional(),
  skipInvalid: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  allowMove: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  mapping: z.string().max(10_000).optional(),
});

export function incidentsRouter(): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config().INCIDENT_UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 10 },
  });

  router.post('/api/incidents/import', requireUser('officer'), upload.single('file'), async (req, res) => {
    const user = currentUser(req);
    if (!req.file) throw new BadInputError("send the file as multipart/form-data in the field 'file'");
    const form = ImportForm.parse(req.body ?? {});
    const municipality = await requestedMunicipality(user, form.municipality, {
      param: "form field 'municipality'",
      unknown: 'bad-input',
    });
    const summary = await importIncidents(req.file.buffer, {
      fileName: req.file.originalname || 'upload',
      format: form.format,
      municipality,
      skipInvalid: form.skipInvalid,
      allowMove: form.allowMove,
      mapping: form.mapping ? parseMappingJson(form.mapping, 'mapping') : undefined,
      actor: user.email,
      userId: user.id,
      ip: req.ip ?? null,
    });
    if (!summary.committed) {
      res
        .status(422)
        .json({ error: { code: 'import_rejected', message: rejectionMessage(summary) }, summary });
      return;
    }
    res.json(summary);
  });

  // One incident with the victim's address: on request only, and every view is audited.
  router.get('/api/incidents/:id', requireUser('officer'), async (req, res) => {
    const id = z.coerce.number().int().positive().parse(req.params.id);
    res.set('Cache-Control', 'no-store').json(await incidentDetail(currentUser(req), id, req.ip ?? null));
  });
  return router;
}
