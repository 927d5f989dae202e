// What the console sends in POST/PUT bodies, read from the API's request schemas (schemas/*.json), so that a
// field added to a schema is sent without touching the console, and a read-only one never is.
// react-admin sends the whole record on update (id, createdAt, computed fields …), while the API validates
// bodies with `additionalProperties: false`.
import agencyCreate from '../../../schemas/agency-create.json';
import agencyUpdate from '../../../schemas/agency-update.json';
import caseCreate from '../../../schemas/case-create.json';
import caseDocumentCreate from '../../../schemas/case-document-create.json';
import caseUpdate from '../../../schemas/case-update.json';
import certificateCreate from '../../../schemas/certificate-create.json';
import certificateUpdate from '../../../schemas/certificate-update.json';
import majorRuleCreate from '../../../schemas/major-rule-create.json';
import majorRuleUpdate from '../../../schemas/major-rule-update.json';
import officerCreate from '../../../schemas/officer-create.json';
import officerUpdate from '../../../schemas/officer-update.json';
import powerItemCreate from '../../../schemas/power-item-create.json';
import powerItemUpdate from '../../../schemas/power-item-update.json';
import userCreate from '../../../schemas/user-create.json';
import userUpdate from '../../../schemas/user-update.json';

interface BodyProperty {
    readOnly?: boolean;
    anyOf?: Array<{ type?: string }>;
    // Other keywords ($ref, type, maxLength …) do not matter here.
    [keyword: string]: unknown;
}
interface BodySchema {
    properties?: Record<string, BodyProperty>;
}

const REQUEST_SCHEMAS: Record<string, { create: BodySchema; update: BodySchema }> = {
    agencies: { create: agencyCreate, update: agencyUpdate },
    users: { create: userCreate, update: userUpdate },
    powers: { create: powerItemCreate, update: powerItemUpdate },
    officers: { create: officerCreate, update: officerUpdate },
    certificates: { create: certificateCreate, update: certificateUpdate },
    cases: { create: caseCreate, update: caseUpdate },
    'major-rules': { create: majorRuleCreate, update: majorRuleUpdate },
    // Documents are never updated in place: a correction is a new version (POST …/corrections).
    'case-documents': { create: caseDocumentCreate, update: { properties: {} } },
};

// Never part of a request body, for resources without a schema here.
const SERVER_MANAGED = ['id', 'createdAt', 'updatedAt'];

type Body = Record<string, unknown>;

const writable = (schema: BodySchema | undefined, key: string): boolean => {
    if (!schema) return !SERVER_MANAGED.includes(key);
    const property = schema.properties?.[key];
    return !!property && !property.readOnly;
};

// `{ anyOf: [..., { type: 'null' }] }` in an update schema: null clears the stored value.
const clearable = (schema: BodySchema | undefined, key: string): boolean =>
    !!schema?.properties?.[key]?.anyOf?.some(option => option.type === 'null');

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** On create an empty optional input simply means "not given". */
export const toCreateBody = (resource: string, data: Body): Body => {
    const schema = REQUEST_SCHEMAS[resource]?.create;
    return Object.fromEntries(
        Object.entries(data).filter(([key, value]) => writable(schema, key) && !isEmpty(value))
    );
};

/**
 * On update an emptied input is sent as null where the schema lets null clear the value; elsewhere it is
 * left out, so the API keeps the stored value (an empty password means "keep the current one").
 */
export const toUpdateBody = (resource: string, data: Body): Body => {
    const schema = REQUEST_SCHEMAS[resource]?.update;
    const body: Body = {};
    for (const [key, value] of Object.entries(data)) {
        if (!writable(schema, key)) continue;
        if (!isEmpty(value)) body[key] = value;
        else if (clearable(schema, key)) body[key] = null;
    }
    return body;
};
