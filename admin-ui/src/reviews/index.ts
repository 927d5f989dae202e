import GavelIcon from '@mui/icons-material/Gavel';
import type { RaRecord } from 'react-admin';
import { ReviewList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

// 法制审核: the review queue and the review page (重大执法决定法制审核, DOMAIN.md §6).
export default {
    list: ReviewList,
    show: ReviewShow,
    icon: GavelIcon,
    recordRepresentation: (record: RaRecord) => `${record.caseNumber ?? record.id}（${record.round ?? 1}）`,
};

export { CaseReviewsTab } from './CaseReviewsTab';
export { SubmitReviewDialog } from './SubmitReviewDialog';
export { ReviewStatisticsPage } from './ReviewStatisticsPage';
export { ReviewSettingsSection } from './ReviewSettingsSection';
