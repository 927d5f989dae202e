// The legal review's calls beyond CRUD (POST /api/reviews/:id/<action>, PUT …/draft, the opinion PDF),
// through the console's httpClient: the bearer token and the console language go with each, and a
// refusal rejects with an HttpError whose body carries the field errors (`errors`) or, after a
// conflict, the current record (`current`).
import { API_URL } from '../providers/dataProvider';
import { fetchBlob } from '../providers/fileTransfer';
import { httpClient } from '../providers/httpClient';
import type { Review } from './reviewVocabulary';

const send = async <T>(method: 'POST' | 'PUT', path: string, body: object = {}): Promise<T> => {
    const { json } = await httpClient(`${API_URL}/${path}`, { method, body: JSON.stringify(body) });
    return json as T;
};

export const reviewApi = {
    /** POST /api/reviews: the case's draft decision with its package (400 lists what is missing). */
    submit: (body: { caseId: string; caseVersion: number; applicationNote?: string }) => send<Review>('POST', 'reviews', body),
    assign: (reviewIds: string[], reviewerId: string) =>
        send<Review[]>('POST', 'reviews/assignments', { reviewIds, reviewerId }),
    claim: (id: string) => send<Review>('POST', `reviews/${id}/claim`),
    saveDraft: (id: string, body: object) => send<Review>('PUT', `reviews/${id}/draft`, body),
    issue: (id: string, body: object) => send<Review>('POST', `reviews/${id}/opinions`, body),
    correct: (id: string, body: object) => send<Review>('POST', `reviews/${id}/corrections`, body),
    resubmit: (id: string, body: object) => send<Review>('POST', `reviews/${id}/resubmission`, body),
    requestExtension: (id: string, body: object) => send<Review>('POST', `reviews/${id}/extension`, body),
    decideExtension: (id: string, body: object) => send<Review>('POST', `reviews/${id}/extension/decision`, body),
    contest: (id: string, body: object) => send<Review>('POST', `reviews/${id}/contest`, body),
    discuss: (id: string, body: object) => send<Review>('POST', `reviews/${id}/discussion`, body),
    /** The n-th opinion (1-based) as a PDF blob: the download needs the token, so no plain link. */
    opinionPdf: (id: string, n: number) => fetchBlob(`${API_URL}/reviews/${id}/opinions/${n}/pdf`),
};
