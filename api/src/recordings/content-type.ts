// What a recording really is, read from its first bytes (file-type), never from the name or the
// client's Content-Type: a file named .mp4 that is not a video is refused.
import { extname } from 'node:path';
import { fromBuffer } from 'file-type';
import { config } from '../config';

export type ContentKind = 'video' | 'audio' | 'image' | 'pdf';

function kindOfMime(mime: string): ContentKind | undefined {
  if (mime === 'application/pdf') return 'pdf';
  const top = mime.split('/')[0];
  return top === 'video' || top === 'audio' || top === 'image' ? top : undefined;
}

/** The detected MIME type and its kind, when the kind is one the configuration accepts (RECORDING_KINDS). */
export async function contentKind(head: Buffer): Promise<{ mime: string; kind: ContentKind } | undefined> {
  const found = await fromBuffer(head);
  if (!found) return undefined;
  // file-type names some containers by their family only: an MPEG-4 container with a video brand is video.
  const mime: string = (found.mime as string) === 'application/mp4' ? 'video/mp4' : found.mime;
  const kind = kindOfMime(mime);
  return kind && config().recordings.kinds.includes(kind) ? { mime, kind } : undefined;
}

const EXTENSION_KINDS: Record<string, ContentKind> = {
  '.mp4': 'video', '.m4v': 'video', '.mov': 'video', '.avi': 'video', '.mkv': 'video', '.webm': 'video', '.ts': 'video', '.mts': 'video',
  '.3gp': 'video', '.flv': 'video', '.mpg': 'video', '.mpeg': 'video', '.wmv': 'video', '.asf': 'video',
  '.mp3': 'audio', '.wav': 'audio', '.m4a': 'audio', '.aac': 'audio', '.amr': 'audio', '.ogg': 'audio', '.flac': 'audio', '.wma': 'audio',
  '.jpg': 'image', '.jpeg': 'image', '.png': 'image', '.webp': 'image', '.heic': 'image', '.gif': 'image', '.bmp': 'image', '.tif': 'image', '.tiff': 'image',
  '.pdf': 'pdf',
};

/** The kind a file name promises, when its extension is a known one. */
export function kindOfName(name: string | undefined): ContentKind | undefined {
  return name ? EXTENSION_KINDS[extname(name).toLowerCase()] : undefined;
}
