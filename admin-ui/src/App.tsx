import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import agencies from './agencies';
import { AgencySettingsPage } from './agencies/AgencySettingsPage';
import { CalendarPage } from './calendar';
import cases from './cases';
import certificates, { CertificatePrint } from './certificates';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { lightTheme } from './layout/theme';
import notifications from './notifications';
import officers from './officers';
import powers from './powers';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { store } from './providers/store';
import { CleanupReportPage } from './reports/CleanupReportPage';
import reviews, { ReviewStatisticsPage } from './reviews';
import majorRules from './reviews/catalog';
import users from './users';

export const App = () => (
    <Admin
        title="app.name"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        store={store}
        theme={lightTheme}
        layout={Layout}
        loginPage={LoginPage}
        dashboard={Dashboard}
        requireAuth
        disableTelemetry
    >
        <Resource name="cases" {...cases} />
        <Resource name="case-documents" />
        <Resource name="reviews" {...reviews} />
        <Resource name="major-rules" {...majorRules} />
        <Resource name="agencies" {...agencies} />
        <Resource name="powers" {...powers} />
        <Resource name="officers" {...officers} />
        <Resource name="certificates" {...certificates} />
        <Resource name="users" {...users} />
        <Resource name="notifications" {...notifications} />
        <CustomRoutes>
            <Route path="/reports/cleanup" element={<CleanupReportPage />} />
            <Route path="/agencies/:id/settings" element={<AgencySettingsPage />} />
            <Route path="/calendar" element={<CalendarPage />} />
            <Route path="/review-statistics" element={<ReviewStatisticsPage />} />
        </CustomRoutes>
        <CustomRoutes noLayout>
            <Route path="/certificates/:id/print" element={<CertificatePrint />} />
        </CustomRoutes>
    </Admin>
);
