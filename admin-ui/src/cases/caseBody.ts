// Shapes the case form's values into what schemas/case-create.json and case-update.json accept. Empty
// inputs arrive as null or '' inside nested objects (parties, legal basis, discretion), which the API's
// schemas refuse (`additionalProperties: false`, typed fields): they are left out instead.
import type { RaRecord } from 'react-admin';
import type { CaseParty } from './caseFields';

type Values = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const compact = (object: Values): Values =>
    Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

const PERSON_FIELDS = ['idNumber', 'phone', 'address'] as const;
const ORGANIZATION_FIELDS = ['creditCode', 'legalRepresentative'] as const;

/** A person keeps ID number, phone, address and "minor"; an organisation its credit code and representative. */
export const cleanParty = (party: Partial<CaseParty>): Values => {
    const kind = party.kind === 'organization' ? 'organization' : 'person';
    const fields = kind === 'person' ? PERSON_FIELDS : ORGANIZATION_FIELDS;
    return compact({
        id: text(party.id),
        kind,
        name: text(party.name),
        ...Object.fromEntries(
            fields.map(field => [
                field,
                field === 'idNumber' || field === 'creditCode' ? text(party[field])?.toUpperCase() : text(party[field]),
            ])
        ),
        ...(kind === 'person' ? { minor: party.minor === true } : {}),
    });
};

const cleanLegalBasis = (items: unknown): Values[] | undefined =>
    Array.isArray(items)
        ? items
              .map((item: { law?: unknown; article?: unknown } | null) =>
                  compact({ law: text(item?.law), article: text(item?.article) })
              )
              .filter(item => item.law !== undefined || item.article !== undefined)
        : undefined;

const cleanDiscretion = (discretion: unknown): Values | undefined => {
    if (!discretion || typeof discretion !== 'object') return undefined;
    const d = discretion as Values;
    const cleaned = compact({ level: text(d.level), standardRef: text(d.standardRef), reasoning: text(d.reasoning) });
    return Object.keys(cleaned).length ? cleaned : undefined;
};

const amount = (value: unknown): number | undefined =>
    typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** The case fields both the filing and an edit send. */
const cleanCommon = (data: Values): Values => {
    return {
        ...data,
        cause: text(data.cause),
        facts: text(data.facts),
        legalBasis: cleanLegalBasis(data.legalBasis),
        discretion: cleanDiscretion(data.discretion),
        fineAmount: amount(data.fineAmount),
        confiscationAmount: amount(data.confiscationAmount),
        penaltyTypes: Array.isArray(data.penaltyTypes) ? data.penaltyTypes : undefined,
        draftDecision: text(data.draftDecision),
        beyondDiscretion: data.beyondDiscretion === true,
        complex: data.complex === true,
        parties: Array.isArray(data.parties)
            ? data.parties.map(p => cleanParty((p ?? {}) as Partial<CaseParty>))
            : undefined,
    };
};

export const toCaseCreateBody = (data: Values): Values => cleanCommon(data);

const sameIds = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(id => b.map(String).includes(String(id)));

/**
 * On an edit the officers are sent only when changed: the API checks the certificates of the officers it
 * receives, and an unrelated correction must not fail because an assigned officer's certificate has since
 * expired. Parties go back with their id and the masked values they were shown, which keeps the stored data.
 */
export const toCaseUpdateBody = (data: Values, previous?: RaRecord): Values => {
    const body = cleanCommon(data);
    if (previous && sameIds(body.officerIds, previous.officerIds)) delete body.officerIds;
    return body;
};
