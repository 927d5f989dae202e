import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { useSessionUser } from '../providers/useSessionUser';

export interface ReviewerChoice {
    id: string;
    name: string;
    legalQualification: boolean;
    reviewedBefore: boolean;
    lead: boolean;
}

interface ReviewSettings {
    reviewerUserIds?: string[];
    leadReviewerUserIds?: string[];
}

/** The agency's review settings (who may review, who leads), readable by everyone of the agency. */
export const useReviewSettings = (agencyId: string | null | undefined) => {
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    return useQuery({
        queryKey: ['agencies', 'settings', agencyId],
        queryFn: () => dataProvider.getDocument<ReviewSettings>(`agencies/${agencyId}/settings`).then(r => r.data),
        enabled: !!agencyId,
    });
};

/**
 * Whether the signed-in user may assign reviews: the agency administrator, or a reviewer named lead
 * reviewer in the agency's settings (the API checks the same and refuses others).
 */
export const useMayAssign = (): boolean => {
    const me = useSessionUser();
    const { canAccess } = useCanAccess({ resource: 'reviews', action: 'assign' });
    const isAdmin = !!me?.roles.includes('agency_admin');
    const { data: settings } = useReviewSettings(canAccess && !isAdmin ? me?.agencyId : null);
    if (!canAccess || !me) return false;
    return isAdmin || !!settings?.leadReviewerUserIds?.includes(me.id);
};

/**
 * Reviewers of the agency to choose from (GET /api/reviews/reviewers, for whoever may assign), marked when
 * they review for the first time without the legal qualification. The API decides who is eligible for a
 * given case (never an officer on it).
 */
export const useReviewerChoices = (enabled: boolean): { choices: ReviewerChoice[]; isPending: boolean } => {
    const dataProvider = useDataProvider<ConsoleDataProvider>();
    const { data, isPending } = useQuery({
        queryKey: ['reviews', 'reviewers'],
        queryFn: () => dataProvider.getDocument<ReviewerChoice[]>('reviews/reviewers').then(r => r.data),
        enabled,
    });
    return { choices: data ?? [], isPending: enabled && isPending };
};
