import { Stack, Typography } from '@mui/material';
import { Show, TabbedShowLayout, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { CaseReviewsTab } from '../reviews/CaseReviewsTab';
import { CaseActionBar } from './CaseActionBar';
import { CaseStatusField, DeadlineStateChip, MajorMarker } from './caseFields';
import { CaseDocuments } from './CaseDocuments';
import { CaseOverview } from './CaseOverview';
import { CaseParties } from './CaseParties';
import { CaseTimeline } from './CaseTimeline';

/** 案号, cause, status and deadline above the tabs, so they stay in view on every tab. */
const CaseHeader = () => {
    const record = useRecordContext();
    if (!record) return null;
    return (
        <Stack sx={{ px: 2, pt: 2 }} spacing={0.5}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                <Typography variant="h6" component="h2">
                    {record.number}
                </Typography>
                <CaseStatusField source="status" />
                <MajorMarker />
                <DeadlineStateChip state={record.deadlineState} />
            </Stack>
            <Typography variant="body1" color="text.secondary">
                {record.cause}
            </Typography>
        </Stack>
    );
};

const CaseShowActions = () => (
    <TopToolbar sx={{ flexWrap: 'wrap', maxWidth: '100%' }}>
        <CaseActionBar />
    </TopToolbar>
);

export const CaseShow = () => {
    const { canAccess: canReadReviews } = useCanAccess({ resource: 'reviews', action: 'list' });
    return (
        <Show actions={<CaseShowActions />}>
            <CaseHeader />
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="app.cases.tab_overview">
                    <CaseOverview />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="app.cases.tab_parties" path="parties">
                    <CaseParties />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="app.cases.tab_documents" path="documents">
                    <CaseDocuments />
                </TabbedShowLayout.Tab>
                {canReadReviews ? (
                    <TabbedShowLayout.Tab label="app.reviews.tab" path="reviews">
                        <CaseReviewsTab />
                    </TabbedShowLayout.Tab>
                ) : null}
                <TabbedShowLayout.Tab label="app.cases.tab_timeline" path="timeline">
                    <CaseTimeline />
                </TabbedShowLayout.Tab>
            </TabbedShowLayout>
        </Show>
    );
};
