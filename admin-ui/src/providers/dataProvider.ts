import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord } from 'react-admin';
import { httpClient } from './httpClient';

export const API_URL = '/api';

/**
 * Fields the API accepts in POST/PUT bodies, per resource. react-admin sends the whole record on update
 * (id, createdAt, lastLoginAt …), while the API validates bodies against JSON Schemas that may reject
 * unknown properties (`additionalProperties: false`), so only these are sent.
 */
const WRITABLE_FIELDS: Record<string, readonly string[]> = {
    agencies: ['name', 'shortName', 'code', 'kind', 'county', 'address', 'phone', 'active'],
    users: ['username', 'displayName', 'password', 'roles', 'agencyId', 'phone', 'active'],
};

// Never part of a request body, for resources without an explicit list.
const SERVER_MANAGED = ['id', 'createdAt', 'updatedAt'];

type Body = Record<string, unknown>;

const pickWritable = (resource: string, data: Body): Body => {
    const allowed = WRITABLE_FIELDS[resource];
    return Object.fromEntries(
        Object.entries(data).filter(([key]) =>
            allowed ? allowed.includes(key) : !SERVER_MANAGED.includes(key)
        )
    );
};

// On create an empty optional input simply means "not given".
const toCreateBody = (resource: string, data: Body): Body =>
    Object.fromEntries(
        Object.entries(pickWritable(resource, data)).filter(
            ([, value]) => value !== null && value !== undefined && value !== ''
        )
    );

// On update only values are sent: the API keeps fields absent from the body, and its schemas accept no
// null (an emptied optional input therefore leaves the stored value unchanged), while an empty password
// means "keep the current one".
const toUpdateBody = (resource: string, data: Body): Body =>
    Object.fromEntries(
        Object.entries(pickWritable(resource, data)).filter(
            ([key, value]) =>
                value !== null && value !== undefined && !(key === 'password' && value === '')
        )
    );

const restProvider = simpleRestProvider(API_URL, httpClient);

export const dataProvider: DataProvider = {
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
} as DataProvider;
