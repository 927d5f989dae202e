import englishMessages from 'ra-language-english';
import type { ConsoleMessages, SameShape, zhApp } from './zh';

// English texts for our own keys; the type makes a key missing here (or only here) a type error.
const enApp: SameShape<typeof zhApp> = {
    resources: {
        agencies: {
            name: 'Agency |||| Agencies',
            fields: {
                id: 'ID',
                name: 'Name',
                shortName: 'Short name',
                code: 'Agency code',
                kind: 'Kind',
                county: 'County',
                address: 'Address',
                phone: 'Phone',
                active: 'Status',
                createdAt: 'Created at',
                updatedAt: 'Updated at',
                q: 'Search',
            },
        },
        users: {
            name: 'User |||| Users',
            fields: {
                id: 'ID',
                username: 'Username',
                displayName: 'Full name',
                password: 'Password',
                roles: 'Roles',
                role: 'Role',
                agencyId: 'Agency',
                active: 'Status',
                phone: 'Phone',
                lastLoginAt: 'Last login',
                createdAt: 'Created at',
                updatedAt: 'Updated at',
                q: 'Search',
            },
        },
    },
    app: {
        name: 'Enforcement Three Systems',
        short_name: 'Three Systems',
        locale: {
            switch: '切换语言 / Switch language',
        },
        roles: {
            officer: 'Enforcement officer',
            reviewer: 'Legal reviewer',
            dept_head: 'Head of department',
            inspector: 'Case-file inspector',
            agency_admin: 'Agency administrator',
            supervisor: 'Legal office supervisor',
        },
        agency_kinds: {
            legal_office: 'Legal office (supervision body)',
            enforcement: 'Enforcement agency',
        },
        status: {
            active: 'Active',
            inactive: 'Disabled',
            any: 'All',
        },
        login: {
            subtitle: 'Sign in with the account issued by your agency',
        },
        dashboard: {
            welcome: 'Welcome, %{name}',
            agency: 'Agency',
            no_agency: 'No agency',
            roles: 'Roles',
            no_roles: 'No role assigned',
            username: 'Account',
            permissions_title: 'What you can do',
            permissions_empty:
                'Your account has no management permissions yet. Ask your agency administrator or the county legal office.',
            permissions_scope_own: 'Scope: your own agency only (%{agency})',
            permissions_scope_all: 'Scope: every agency in the county',
            open: 'Open',
            systems_title: 'The three enforcement systems',
            systems_intro: 'This platform is built around three systems:',
            system_publicity:
                'Enforcement publicity: information published before, during and after enforcement',
            system_recording:
                'Whole-process recording: written and audio-visual records of every enforcement step',
            system_legal_review:
                'Legal review of major decisions: no decision without an approved legal review',
        },
        permissions: {
            'agencies:read': 'View agencies',
            'agencies:write': 'Create, edit and delete agencies',
            'users:read': 'View user accounts',
            'users:write': 'Create, edit and disable user accounts, reset passwords',
            'audit:read': 'Read the audit log',
            'agencies:qualify': 'Confirm, announce, suspend or revoke enforcement-subject status',
            'powers:read': 'View power lists',
            'powers:write': 'Maintain power lists',
            'officers:read': 'View enforcement officers',
            'officers:write': 'Maintain enforcement officers',
            'officers:transfer': 'Transfer enforcement officers',
            'certificates:read': 'View enforcement certificates',
            'certificates:write': 'Manage enforcement certificates (issue, renew, revoke)',
            'reports:read': 'View statistical reports',
        },
        agencies: {
            code_helper: 'Upper-case letters, digits or underscore, 2–32 characters, unique in the county',
            users_title: 'User accounts of this agency',
        },
        users: {
            password_helper_create: 'At least 8 characters, mixing letters and digits',
            password_helper_edit:
                'Leave empty to keep the current password; fill in to reset it (at least 8 characters, letters and digits)',
            roles_helper:
                'The roles offered depend on the agency: supervisors and inspectors in the legal office; officers, legal reviewers and heads of department in enforcement agencies. You cannot grant a role above your own.',
            username_helper: '3–32 characters: letters, digits and _ . -',
            agency_fixed_helper: 'You can only manage the user accounts of your own agency',
            never_logged_in: 'Never',
        },
        validation: {
            roles_required: 'Choose at least one role',
            password_mix: 'The password must mix letters and digits',
        },
        error: {
            network: 'Cannot reach the server. Check the network and try again',
            server: 'Internal server error. Please try again later',
        },
    },
};

export const en: ConsoleMessages = {
    ...englishMessages,
    ra: {
        ...englishMessages.ra,
        // Keys react-admin uses with an inline English default; listed so both packs have the same keys.
        message: {
            ...englishMessages.ra.message,
            update_title: 'Update %{name} %{recordRepresentation}',
            update_content: 'Are you sure you want to update this %{name}?',
        },
        inspector: {
            position: 'Inspector position',
            hideAll: 'Hide All',
            showAll: 'Show All',
            Datagrid: { title: 'Datagrid' },
            SimpleForm: { title: 'Form' },
            SimpleList: { title: 'List' },
        },
    },
    ...enApp,
};
