/**
 * Import FIRST in a test file that runs letter workers: gives the file its own Redis prefix.
 * Test files run in parallel against their own database clones, and letter ids repeat across
 * clones; sharing one queue would let one file's worker take another file's jobs.
 */
import crypto from 'node:crypto';

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? 'pk-test'}-${crypto.randomBytes(3).toString('hex')}`;
