import { fetchUtils, HttpError } from 'react-admin';
import { ACCEPT_LANGUAGE, currentLocale } from '../i18n';
import { getToken } from './session';

/**
 * Headers sent with every API call: the bearer token when signed in, and the console language so
 * that the server answers with error messages in that language.
 */
export const apiHeaders = (init?: HeadersInit): Headers => {
    const headers = new Headers(init);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    headers.set('Accept-Language', ACCEPT_LANGUAGE[currentLocale()]);
    const token = getToken();
    if (token && !headers.has('Authorization')) {
        headers.set('Authorization', `Bearer ${token}`);
    }
    return headers;
};

/**
 * fetchUtils.fetchJson with our headers. A non-2xx answer rejects with an HttpError whose `message` is
 * the server's (already localised) `message` and whose `body` is the parsed JSON, so `error.body.errors`
 * ({ field: message }) lands next to the form inputs and `error.status` drives authProvider.checkError.
 * When the server gave no message (proxy error page, network failure) the message is a translation key,
 * which react-admin's notifications translate, instead of the browser's English status text.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    try {
        return await fetchUtils.fetchJson(url, {
            ...options,
            headers: apiHeaders(options.headers),
        });
    } catch (error) {
        throw localiseTransportError(error);
    }
};

export const localiseTransportError = (error: unknown): unknown => {
    if (error instanceof HttpError) {
        const serverMessage = (error.body as { message?: unknown } | undefined)?.message;
        if (typeof serverMessage === 'string' && serverMessage) return error;
        return new HttpError(
            error.status >= 500 ? 'app.error.server' : 'ra.notification.http_error',
            error.status,
            error.body
        );
    }
    // fetch() rejects with a TypeError when the server cannot be reached at all.
    if (error instanceof TypeError) {
        return new HttpError('app.error.network', 0);
    }
    return error;
};
