// Read-only calls to the anonymous portal API (/api/public/…), with react-admin's list conventions
// (JSON `range` and `filter` parameters, total in Content-Range). No token is ever sent from here.
import { useCallback, useEffect, useState } from 'react';
import { portalText } from './portalText';

export class PublicApiError extends Error {
    constructor(
        message: string,
        readonly status: number
    ) {
        super(message);
    }
}

export interface PublicResult<T> {
    data?: T;
    /** For lists: the number of matching records (Content-Range). */
    total?: number;
    loading: boolean;
    error?: PublicApiError;
    reload: () => void;
}

export const listQuery = (page: number, perPage: number, filter: Record<string, string | undefined> = {}) => {
    const params = new URLSearchParams({ range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]) });
    const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
    if (Object.keys(given).length) params.set('filter', JSON.stringify(given));
    return params.toString();
};

const totalOf = (contentRange: string | null): number | undefined => {
    const match = /\/(\d+)$/.exec(contentRange ?? '');
    return match ? Number(match[1]) : undefined;
};

export const fetchPublic = async <T,>(path: string, signal?: AbortSignal): Promise<{ data: T; total?: number }> => {
    let response: Response;
    try {
        response = await fetch(`/api/public/${path}`, { headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN' }, signal });
    } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new PublicApiError(portalText.common.error, 0);
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok) {
        const message = (body as { message?: unknown } | undefined)?.message;
        throw new PublicApiError(typeof message === 'string' ? message : portalText.common.error, response.status);
    }
    return { data: body as T, total: totalOf(response.headers.get('Content-Range')) };
};

/** Loads `path` (relative to /api/public/) whenever it changes; `null` loads nothing. */
export const usePublicApi = <T,>(path: string | null): PublicResult<T> => {
    const [state, setState] = useState<Omit<PublicResult<T>, 'reload'>>({ loading: path !== null });
    const [attempt, setAttempt] = useState(0);
    const reload = useCallback(() => setAttempt(n => n + 1), []);
    useEffect(() => {
        if (path === null) return;
        const controller = new AbortController();
        setState(previous => ({ ...previous, loading: true, error: undefined }));
        fetchPublic<T>(path, controller.signal)
            .then(({ data, total }) => setState({ data, total, loading: false }))
            .catch((error: Error) => {
                if (controller.signal.aborted) return;
                setState({
                    loading: false,
                    error: error instanceof PublicApiError ? error : new PublicApiError(portalText.common.error, 0),
                });
            });
        return () => controller.abort();
    }, [path, attempt]);
    return { ...state, reload };
};
