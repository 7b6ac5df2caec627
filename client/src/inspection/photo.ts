/**
 * A photo taken for a finding, made smaller on the phone before it waits in IndexedDB: at most
 * 1600 px on the long side, JPEG. Drawing it on a canvas also leaves the camera's EXIF (GPS
 * position, device) behind; the server re-encodes it anyway (server/inspections/photo-encoding.ts).
 */
const MAX_SIDE = 1600;

/** The photo scaled down as JPEG; the file itself when the browser cannot decode it here. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } catch {
    return file;
  }
}
