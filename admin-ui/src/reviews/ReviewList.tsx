import { useState } from 'react';
import { Button, Divider, Tab, Tabs } from '@mui/material';
import PersonAddAltOutlinedIcon from '@mui/icons-material/PersonAddAltOutlined';
import {
    DataTable,
    FilterButton,
    List,
    SearchInput,
    SelectInput,
    TopToolbar,
    useCanAccess,
    useListContext,
    useRefresh,
    useTranslate,
    useUnselectAll,
} from 'react-admin';
import { AssignReviewerDialog } from './AssignReviewerDialog';
import { DueStateField, RemainingWorkdaysField, ReviewStatusField } from './reviewFields';
import { outcomeChoices, reviewStatusChoices } from './reviewVocabulary';
import { useMayAssign } from './useReviewerChoices';

type Queue = 'mine' | 'unassigned' | 'all' | 'open';

/** 我的待办 / 待分配 / 全部 / 未办结: the API's `queue` filter (none for all of the agency). */
const QueueTabs = ({ queues }: { queues: Queue[] }) => {
    const translate = useTranslate();
    const { filterValues, setFilters, displayedFilters } = useListContext();
    const current: Queue = (filterValues.queue as Queue | undefined) ?? 'all';
    return (
        <>
            <Tabs
                value={queues.includes(current) ? current : 'all'}
                onChange={(_, value: Queue) => {
                    const { queue: _previous, ...rest } = filterValues;
                    setFilters(value === 'all' ? rest : { ...rest, queue: value }, displayedFilters);
                }}
                aria-label={translate('app.reviews.queue_label')}
                variant="scrollable"
                allowScrollButtonsMobile
            >
                {queues.map(queue => (
                    <Tab key={queue} value={queue} label={translate(`app.reviews.queue.${queue}`)} />
                ))}
            </Tabs>
            <Divider />
        </>
    );
};

const useReviewFilters = () => {
    const translate = useTranslate();
    return [
        <SearchInput
            key="q"
            source="q"
            alwaysOn
            placeholder={translate('app.reviews.search_placeholder')}
            sx={{ minWidth: 240 }}
        />,
        <SelectInput key="status" source="status" choices={reviewStatusChoices} />,
        <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
    ];
};

/** 分配审核人员 for the selected reviews (administrator or lead reviewer). */
const BulkAssignButton = () => {
    const translate = useTranslate();
    const refresh = useRefresh();
    const { selectedIds } = useListContext();
    const unselectAll = useUnselectAll('reviews');
    const [open, setOpen] = useState(false);
    return (
        <>
            <Button size="small" startIcon={<PersonAddAltOutlinedIcon />} onClick={() => setOpen(true)}>
                {translate('app.reviews.assign')}
            </Button>
            <AssignReviewerDialog
                open={open}
                reviewIds={selectedIds.map(String)}
                onClose={() => setOpen(false)}
                onDone={() => {
                    setOpen(false);
                    unselectAll();
                    refresh();
                }}
            />
        </>
    );
};

/**
 * The review queue (法制审核): most urgent first (due date ascending), the clock's state in colour.
 * Reviewers start on their own queue; everybody else on the reviews still open.
 */
export const ReviewList = () => {
    const { canAccess: reviews } = useCanAccess({ resource: 'reviews', action: 'review' });
    const mayAssign = useMayAssign();
    const filters = useReviewFilters();
    const queues: Queue[] = reviews ? ['mine', 'unassigned', 'open', 'all'] : ['unassigned', 'open', 'all'];
    return (
        <List
            sort={{ field: 'clock.dueOn', order: 'ASC' }}
            filterDefaultValues={{ queue: reviews ? 'mine' : 'open' }}
            filters={filters}
            actions={
                <TopToolbar>
                    <FilterButton />
                </TopToolbar>
            }
            perPage={25}
            exporter={false}
            empty={false}
        >
            <QueueTabs queues={queues} />
            <DataTable
                rowClick="show"
                bulkActionButtons={mayAssign ? <BulkAssignButton /> : false}
                sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
            >
                <DataTable.Col source="caseNumber" cellSx={() => ({ whiteSpace: 'nowrap' })} />
                <DataTable.Col source="caseCause" disableSort cellSx={() => ({ minWidth: 160 })} />
                <DataTable.NumberCol source="round" disableSort />
                <DataTable.Col source="status" field={ReviewStatusField} />
                <DataTable.Col source="reviewerName" disableSort render={r => r.reviewerName ?? '—'} cellSx={() => ({ whiteSpace: 'nowrap' })} />
                <DataTable.Col source="clock.receivedOn" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })} />
                <DataTable.Col source="clock.dueOn" cellSx={() => ({ whiteSpace: 'nowrap', fontWeight: 500 })} />
                <DataTable.Col source="remainingWorkdays" disableSort field={RemainingWorkdaysField} />
                <DataTable.Col source="state" disableSort field={DueStateField} />
            </DataTable>
        </List>
    );
};
