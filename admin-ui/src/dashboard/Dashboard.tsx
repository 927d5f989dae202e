import { Box, Stack } from '@mui/material';
import { Loading, Title } from 'react-admin';
import { useSessionUser } from '../providers/useSessionUser';
import { PermissionsCard } from './PermissionsCard';
import { ThreeSystemsCard } from './ThreeSystemsCard';
import { WelcomeCard } from './WelcomeCard';

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
            <PermissionsCard user={user} />
        </Box>
    );
};
