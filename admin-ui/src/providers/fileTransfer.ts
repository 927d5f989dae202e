// Files that go through the API with the signed-in user's token: images shown in the console (officer
// photos, QR codes), Excel downloads, and uploads with a progress bar. <img src> and <a href> cannot send
// the Authorization header, so these are fetched as blobs and shown or saved through object URLs.
import { HttpError } from 'react-admin';
import { apiHeaders, localiseTransportError } from './httpClient';

const readError = async (response: Response): Promise<HttpError> => {
    let body: unknown;
    try {
        body = await response.json();
    } catch {
        body = undefined;
    }
    const message = (body as { message?: unknown } | undefined)?.message;
    return localiseTransportError(
        new HttpError(typeof message === 'string' ? message : response.statusText, response.status, body)
    ) as HttpError;
};

/** GET an API file with the auth header. Rejects with an HttpError carrying the server's message. */
export const fetchBlob = async (url: string, signal?: AbortSignal): Promise<{ blob: Blob; filename?: string }> => {
    let response: Response;
    try {
        response = await fetch(url, { headers: apiHeaders({ Accept: '*/*' }), signal });
    } catch (error) {
        throw localiseTransportError(error);
    }
    if (!response.ok) throw await readError(response);
    return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
};

// `attachment; filename*=UTF-8''%E9%9D%92…` (RFC 6266) or a plain `filename="…"`.
const filenameOf = (disposition: string | null): string | undefined => {
    if (!disposition) return undefined;
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) {
        try {
            return decodeURIComponent(encoded[1]);
        } catch {
            return undefined;
        }
    }
    return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
};

/** Downloads an API file (Excel exports) under the name the server gives it. */
export const downloadFile = async (url: string, fallbackName: string): Promise<void> => {
    const { blob, filename } = await fetchBlob(url);
    const objectUrl = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = objectUrl;
    link.download = filename ?? fallbackName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Give the browser time to start the download before the URL is released.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
};

export interface UploadOptions {
    url: string;
    method?: 'POST' | 'PUT';
    /** Multipart field name of the file ("file", "photo" …). */
    field: string;
    file: File;
    /** Other multipart fields. */
    fields?: Record<string, string | undefined>;
    /** 0–100 while the file is sent. */
    onProgress?: (percent: number) => void;
}

/**
 * Multipart upload through XMLHttpRequest, whose `upload.onprogress` (unlike fetch) reports progress.
 * Resolves with the parsed JSON answer; rejects with an HttpError whose `body.errors` holds field or row
 * errors, as for every other API call.
 */
export const uploadFile = <T = unknown>({ url, method = 'POST', field, file, fields = {}, onProgress }: UploadOptions): Promise<T> =>
    new Promise((resolve, reject) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== '') form.append(name, value);
        form.append(field, file, file.name);
        const xhr = new XMLHttpRequest();
        xhr.open(method, url);
        apiHeaders().forEach((value, name) => xhr.setRequestHeader(name, value));
        xhr.upload.onprogress = event => {
            if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
        };
        xhr.onload = () => {
            let body: unknown;
            try {
                body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
            } catch {
                body = undefined;
            }
            if (xhr.status >= 200 && xhr.status < 300) {
                resolve(body as T);
                return;
            }
            const message = (body as { message?: unknown } | undefined)?.message;
            reject(
                localiseTransportError(
                    new HttpError(typeof message === 'string' ? message : xhr.statusText, xhr.status, body)
                )
            );
        };
        xhr.onerror = () => reject(new HttpError('app.error.network', 0));
        xhr.send(form);
    });
