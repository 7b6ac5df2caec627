/**
 * A finding's photo as it is kept: decoded and encoded again as JPEG by sharp (libvips), which
 * writes no metadata unless asked to, so no EXIF, GPS position, camera serial number or XMP of
 * the phone's file survives. The EXIF orientation is applied to the pixels first, so the photo
 * stays upright without it. Big photos are scaled down to at most 2000 px on their long side.
 */
import sharp from 'sharp';
import { BadInputError } from '../core/errors';

/** The largest photo the phone may send (the phone scales down before it sends; a camera file fits too). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** The media types the phone may send. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const MAX_SIDE = 2000;
// A decompression bomb (a small file of a huge image) is refused before it is decoded.
const MAX_PIXELS = 50_000_000;

/** Re-encodes a photo as JPEG without any metadata; a file that is no image is a 400. */
export async function encodePhoto(input: Uint8Array): Promise<Uint8Array> {
  try {
    return await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: false })
      .toBuffer();
  } catch (err) {
    throw new BadInputError(
      `the photo cannot be read as a JPEG, PNG or WebP image (${(err as Error).message}); take it again or send another file`,
      { cause: err },
    );
  }
}
