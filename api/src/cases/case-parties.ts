// Parties (当事人): natural persons' ID number, phone and address are sealed before storage and
// only masks are kept in clear; organisations carry their credit code and legal representative.
import { AppError, type FieldError } from '../platform/errors';
import { decryptPersonal, encryptPersonal, maskAddress, maskIdNumber, maskPhone, personalHash } from '../platform/crypto/personal-data';
import { creditCodeProblem } from '../platform/identifiers/credit-code';
import { ageOn, residentIdBirthDate, residentIdProblem } from '../platform/identifiers/resident-id';

export interface PartyInput {
  id?: string;
  kind: 'person' | 'organization';
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  minor?: boolean;
  creditCode?: string;
  legalRepresentative?: string;
}

export interface StoredParty {
  _id?: unknown;
  kind: string;
  name: string;
  idNumberSealed?: string | null;
  idNumberHash?: string | null;
  idNumberMasked?: string | null;
  phoneSealed?: string | null;
  phoneMasked?: string | null;
  addressSealed?: string | null;
  addressMasked?: string | null;
  minor?: boolean | null;
  creditCode?: string | null;
  legalRepresentative?: string | null;
}


/**
 * Turns the parties of a request into what is stored. A party sent back unchanged by the console
 * (with its id and the masked values it was shown) keeps its sealed values.
 */
export function sealParties(input: PartyInput[], existing: StoredParty[], filedOn: string): StoredParty[] {
  const errors: Record<string, FieldError> = {};
  const out = input.map((p, i) => {
    const prev = p.id ? existing.find((e) => String(e._id) === p.id) : undefined;
    const base: StoredParty = { ...(prev?._id ? { _id: prev._id } : {}), kind: p.kind, name: p.name.trim() };
    if (p.kind === 'organization') {
      if (p.creditCode && creditCodeProblem(p.creditCode)) errors[`parties.${i}.creditCode`] = { key: 'cases.credit_code' };
      return { ...base, creditCode: p.creditCode, legalRepresentative: p.legalRepresentative };
    }
    const keep = (field: 'idNumber' | 'phone' | 'address') => prev && p[field] !== undefined && p[field] === prev[`${field}Masked`];
    const person: StoredParty = { ...base, minor: Boolean(p.minor) };
    if (keep('idNumber')) Object.assign(person, { idNumberSealed: prev!.idNumberSealed, idNumberHash: prev!.idNumberHash, idNumberMasked: prev!.idNumberMasked });
    else if (p.idNumber) {
      const id = p.idNumber.trim().toUpperCase();
      const problem = residentIdProblem(id);
      if (problem) errors[`parties.${i}.idNumber`] = { key: 'cases.id_number', params: { problem: `id_${problem}` } };
      else {
        Object.assign(person, { idNumberSealed: encryptPersonal(id), idNumberHash: personalHash(id), idNumberMasked: maskIdNumber(id) });
        // A minor is not published (DOMAIN.md §4): derive it from the birth date when the number tells.
        const birth = residentIdBirthDate(id);
        if (birth && ageOn(birth, filedOn) < 18) person.minor = true;
      }
    }
    if (keep('phone')) Object.assign(person, { phoneSealed: prev!.phoneSealed, phoneMasked: prev!.phoneMasked });
    else if (p.phone) Object.assign(person, { phoneSealed: encryptPersonal(p.phone.trim()), phoneMasked: maskPhone(p.phone.trim()) });
    if (keep('address')) Object.assign(person, { addressSealed: prev!.addressSealed, addressMasked: prev!.addressMasked });
    else if (p.address) Object.assign(person, { addressSealed: encryptPersonal(p.address.trim()), addressMasked: maskAddress(p.address.trim()) });
    return person;
  });
  if (Object.keys(errors).length) throw new AppError(400, 'request.invalid', { details: Object.keys(errors).join(', ') }, errors);
  return out;
}

/** The clear personal data of one party (the audited reveal). */
export function revealParty(p: StoredParty) {
  return {
    id: String(p._id),
    name: p.name,
    idNumber: p.idNumberSealed ? decryptPersonal(p.idNumberSealed) : undefined,
    phone: p.phoneSealed ? decryptPersonal(p.phoneSealed) : undefined,
    address: p.addressSealed ? decryptPersonal(p.addressSealed) : undefined,
  };
}
