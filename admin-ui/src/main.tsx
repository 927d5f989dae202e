import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

// Two apps in one build: the public portal under /public (no sign-in, no react-admin) and the staff
// console everywhere else. Each is loaded on its own, so a phone opening a certificate's QR code does
// not download the console.
const isPublicPortal = /^\/public(\/|$)/.test(window.location.pathname);

const Root = isPublicPortal
    ? lazy(() => import('./public/PublicPortal').then(m => ({ default: m.PublicPortal })))
    : lazy(() => import('./App').then(m => ({ default: m.App })));

createRoot(document.getElementById('root')!).render(
    <StrictMode>
        <Suspense fallback={null}>
            <Root />
        </Suspense>
    </StrictMode>
);
