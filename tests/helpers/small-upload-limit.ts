/**
 * Import first in a test file that needs the upload limit small (1 MB instead of 100): the
 * configuration is read once, when the server modules load. Restored for the files after it.
 */
const previous = process.env.INCIDENT_UPLOAD_MAX_MB;
process.env.INCIDENT_UPLOAD_MAX_MB = '1';

afterAll(() => {
  if (previous === undefined) delete process.env.INCIDENT_UPLOAD_MAX_MB;
  else process.env.INCIDENT_UPLOAD_MAX_MB = previous;
});
