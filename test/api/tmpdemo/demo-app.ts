import { startTestApp as start, type TestApp } from '../../support/test-app';
export type { TestApp };
export const startTestApp = (o: { seed?: boolean } = {}) => start({ ...o, demoCases: true });
