import { Box, Stack } from '@mui/material';
import { Loading, Title } from 'react-admin';
import type { SessionUser } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { CasesCard } from './CasesCard';
import { PermissionsCard } from './PermissionsCard';
import { ThreeSystemsCard } from './ThreeSystemsCard';
import { WelcomeCard } from './WelcomeCard';

// Officers and heads of department work on cases: they get the case figures first.
const handlesCases = (user: SessionUser) =>
    user.permissions.includes('cases:read') && user.roles.some(role => role === 'officer' || role === 'dept_head');

export const Dashboard = () => {
    const user = useSessionUser();
    if (!user) return <Loading />;
    return (
        <Box
            sx={{
                mt: 2,
                display: 'grid',
                gap: 2,
                alignItems: 'start',
                gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
            }}
        >
            <Title title="ra.page.dashboard" />
            <Stack spacing={2}>
                <WelcomeCard user={user} />
                <ThreeSystemsCard />
            </Stack>
            <Stack spacing={2}>
                {handlesCases(user) ? <CasesCard user={user} /> : null}
                <PermissionsCard user={user} />
            </Stack>
        </Box>
    );
};
