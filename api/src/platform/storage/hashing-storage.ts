// A multer storage engine for large evidence files (recorder footage): the upload is streamed to a
// temporary file under UPLOADS_DIR/.incoming while its SHA-256 is computed on the same bytes, so no
// file is ever held in memory and the hash is known the moment the last byte is written. Its first
// bytes are kept to detect the real type of the content (the declared MIME type is the client's word).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** What the engine adds to multer's file object. */
export interface HashedFile {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes of the content, for type detection. */
  head: Buffer;
}

const HEAD_BYTES = 4100;

class HashingTap extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      this.headChunks.push(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, HEAD_BYTES - this.headLength);
    }
    callback(null, chunk);
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks);
  }
}

export function hashingStorage(directory: () => string): StorageEngine {
  return {
    _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File> & HashedFile) => void) {
      const dir = directory();
      mkdirSync(dir, { recursive: true });
      const path = join(dir, randomUUID());
      const tap = new HashingTap();
      pipeline(file.stream, tap, createWriteStream(path, { flags: 'wx' })).then(
        () => callback(null, { path, size: tap.size, sha256: tap.hash.digest('hex'), head: tap.head() }),
        (err: unknown) => { void rm(path, { force: true }).finally(() => callback(err)); },
      );
    },
    _removeFile(_req: Request, file: Express.Multer.File & Partial<HashedFile>, callback: (error: Error | null) => void) {
      if (!file.path) return callback(null);
      rm(file.path, { force: true }).then(() => callback(null), callback);
    },
  };
}
