import { Create } from 'react-admin';
import { AgencyForm, clearUnusedSubjectFields } from './AgencyForm';

// A new enforcement agency starts as an administrative organ, the common case; its qualification is
// "pending" until the legal office confirms and announces it.
export const AgencyCreate = () => (
    <Create redirect="show" transform={clearUnusedSubjectFields}>
        <AgencyForm defaultValues={{ active: true, subjectType: 'administrative_organ', categories: [] }} />
    </Create>
);
