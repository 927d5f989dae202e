import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord } from 'react-admin';
import { httpClient } from './httpClient';
import { toCreateBody, toUpdateBody } from './requestBodies';

export const API_URL = '/api';

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * Calls beyond CRUD, in the react-admin way (`useDataProvider().postAction(…)`): workflow actions such
 * as POST /api/agencies/:id/confirm, and reports.
 */
export interface ConsoleDataProvider extends DataProvider {
    /** POST /api/<resource>/<id>/<action> with a JSON body; resolves with the JSON answer. */
    postAction: <T = RaRecord>(resource: string, id: string, action: string, body?: object) => Promise<{ data: T }>;
    /** GET /api/<path>?<query> (reports and other read-only documents). */
    getDocument: <T>(path: string, query?: Record<string, string | undefined>) => Promise<{ data: T }>;
}

const queryString = (query: Record<string, string | undefined> = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
    const text = params.toString();
    return text ? `?${text}` : '';
};

export const dataProvider: ConsoleDataProvider = {
    ...restProvider,
    create: (resource, params) =>
        restProvider.create(resource, { ...params, data: toCreateBody(resource, params.data) }),
    update: (resource, params) =>
        restProvider.update(resource, { ...params, data: toUpdateBody(resource, params.data) }),
    updateMany: (resource, params) =>
        restProvider.updateMany(resource, { ...params, data: toUpdateBody(resource, params.data) }),
    // A DELETE answered with 204 (no body) still has to resolve with the deleted record.
    delete: async (resource, params) => {
        const { data } = await restProvider.delete(resource, params);
        return { data: (data ?? params.previousData ?? { id: params.id }) as RaRecord };
    },
    deleteMany: async (resource, params) => {
        await Promise.all(
            params.ids.map(id => restProvider.delete(resource, { id, previousData: { id } as RaRecord }))
        );
        return { data: params.ids };
    },
    postAction: async (resource, id, action, body = {}) => {
        const { json } = await httpClient(
            `${API_URL}/${resource}/${encodeURIComponent(id)}/${action}`,
            { method: 'POST', body: JSON.stringify(body) }
        );
        return { data: json };
    },
    getDocument: async (path, query) => {
        const { json } = await httpClient(`${API_URL}/${path}${queryString(query)}`);
        return { data: json };
    },
} as ConsoleDataProvider;
