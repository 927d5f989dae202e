import { localStorageStore, type Store } from 'react-admin';

const baseStore = localStorageStore('1', 'ETS');

/**
 * react-admin's store (list params, sidebar state, locale …) in localStorage.
 * react-admin resets the whole store on logout; the chosen console language is a preference of
 * the device, not of the session, so it survives the reset.
 */
export const store: Store = {
    ...baseStore,
    reset: () => {
        const locale = baseStore.getItem<string>('locale');
        baseStore.reset();
        if (locale) baseStore.setItem('locale', locale);
    },
};
