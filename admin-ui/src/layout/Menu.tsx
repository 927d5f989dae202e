import CalendarMonthOutlinedIcon from '@mui/icons-material/CalendarMonthOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import InsertChartOutlinedIcon from '@mui/icons-material/InsertChartOutlined';
import TuneIcon from '@mui/icons-material/Tune';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';

/**
 * The resources the user may list, then the pages that are not resources (reports, settings, the
 * working-day calendar, which every signed-in user may read).
 */
export const Menu = () => {
    const me = useSessionUser();
    const { canAccess: canReadReports } = useCanAccess({ resource: 'reports', action: 'list' });
    const { canAccess: canReadReviews } = useCanAccess({ resource: 'reviews', action: 'list' });
    // An agency administrator edits the case settings of their own agency; the legal office's supervisors
    // reach every agency's settings from the agency page.
    const { canAccess: canWriteSettings } = useCanAccess({ resource: 'settings', action: 'write' });
    const ownSettings = canWriteSettings && !isCountyWide(me) && me?.agencyId ? `/agencies/${me.agencyId}/settings` : null;
    return (
        <RaMenu>
            <RaMenu.DashboardItem />
            <RaMenu.ResourceItems />
            {canReadReports ? (
                <RaMenu.Item
                    to="/reports/cleanup"
                    primaryText="app.menu.cleanup_report"
                    leftIcon={<FactCheckOutlinedIcon />}
                />
            ) : null}
            {canReadReviews ? (
                <RaMenu.Item
                    to="/review-statistics"
                    primaryText="app.menu.review_statistics"
                    leftIcon={<InsertChartOutlinedIcon />}
                />
            ) : null}
            {ownSettings ? (
                <RaMenu.Item to={ownSettings} primaryText="app.menu.case_settings" leftIcon={<TuneIcon />} />
            ) : null}
            <RaMenu.Item to="/calendar" primaryText="app.menu.calendar" leftIcon={<CalendarMonthOutlinedIcon />} />
        </RaMenu>
    );
};
