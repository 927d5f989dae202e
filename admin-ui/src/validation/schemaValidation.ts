// Client-side form validation derived from the API's JSON Schemas (schemas/*.json), so that the console
// and the server apply the same lengths and patterns. The server stays the authority: its field errors
// ({ errors: { field: message } }) are shown next to the same inputs.
import { maxLength, minLength, required, type Validator } from 'react-admin';
import common from '../../../schemas/common.json';
import { currentLocale } from '../i18n';

type Hint = { en: string; zh: string };

interface PropertySchema {
    $ref?: string;
    type?: string | string[];
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    'x-hint'?: Hint;
}

export interface ObjectSchema {
    required?: string[];
    properties?: Record<string, PropertySchema>;
}

const commonDefs = (common as unknown as { $defs: Record<string, PropertySchema> }).$defs;

// Follows `common#/$defs/<name>` references; the property's own keywords win over the definition's.
const resolve = (property: PropertySchema | undefined): PropertySchema | undefined => {
    if (!property?.$ref) return property;
    const { $ref, ...own } = property;
    const match = /^common#\/\$defs\/(.+)$/.exec($ref);
    return match ? { ...resolve(commonDefs[match[1]]), ...own } : own;
};

// A pattern failure reads like the server's: the schema's `x-hint` in the console language.
const matchesPattern = (pattern: string, hint?: Hint): Validator => {
    const re = new RegExp(pattern, 'u');
    return (value: unknown) =>
        typeof value === 'string' && value !== '' && !re.test(value)
            ? (hint?.[currentLocale()] ?? { message: 'ra.validation.regex', args: { pattern } })
            : undefined;
};

/**
 * Validators for one property of a request schema: required (when the schema requires it, unless
 * `options.required` says otherwise), minLength, maxLength and pattern.
 */
export const schemaValidators = (
    schema: ObjectSchema,
    field: string,
    options: { required?: boolean } = {}
): Validator[] => {
    const validators: Validator[] = [];
    if (options.required ?? schema.required?.includes(field) ?? false) validators.push(required());
    const property = resolve(schema.properties?.[field]);
    if (!property) return validators;
    if (property.minLength) validators.push(minLength(property.minLength));
    if (property.maxLength) validators.push(maxLength(property.maxLength));
    if (property.pattern) validators.push(matchesPattern(property.pattern, property['x-hint']));
    return validators;
};
