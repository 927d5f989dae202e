// Quick checks of a party's identifiers while typing; the API is the authority (it also checks the birth
// date and the credit code's check character) and its field errors appear next to the same inputs.
import type { Validator } from 'react-admin';

// GB 11643-1999: the 18th character is a check over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Why a resident ID number is not valid, or undefined: 18 characters with check character, or legacy 15 digits. */
export const residentIdProblem = (raw: string): 'format' | 'check' | undefined => {
    const id = raw.trim().toUpperCase();
    if (/^\d{15}$/.test(id)) return undefined;
    if (!/^\d{17}[\dX]$/.test(id)) return 'format';
    const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
    return CHECK_CHARACTERS[sum % 11] === id[17] ? undefined : 'check';
};

// A masked number sent back unchanged (1101**********002X) keeps the stored one: not checked here.
const isMasked = (value: string) => value.includes('*');

export const validResidentId: Validator = value => {
    if (typeof value !== 'string' || value.trim() === '' || isMasked(value)) return undefined;
    const problem = residentIdProblem(value);
    return problem ? `app.cases.id_number_${problem}` : undefined;
};

export const validCreditCode: Validator = value =>
    typeof value === 'string' && value.trim() !== '' && !/^[0-9A-Z]{18}$/.test(value.trim())
        ? 'app.cases.credit_code_format'
        : undefined;
