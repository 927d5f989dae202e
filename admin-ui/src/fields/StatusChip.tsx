// No react-admin import here: the public portal uses these chips too, without loading the console.
import { Chip } from '@mui/material';

/**
 * Status colours used across the console and the public portal: green = in force, blue = in progress,
 * orange = suspended or needs attention, red = ended by a decision, grey = neutral or historical.
 * White text on each keeps a contrast ratio of at least 4.5:1 (WCAG AA).
 */
export type ChipTone = 'grey' | 'blue' | 'green' | 'orange' | 'red';

export const TONE_COLORS: Record<ChipTone, string> = {
    grey: '#616161',
    blue: '#1565c0',
    green: '#2e7d32',
    orange: '#b35c00',
    red: '#c62828',
};

export const StatusChip = ({ label, tone, size = 'small' }: { label: string; tone: ChipTone; size?: 'small' | 'medium' }) => (
    <Chip
        size={size}
        label={label}
        sx={{ bgcolor: TONE_COLORS[tone], color: '#fff', fontWeight: 500, maxWidth: '100%' }}
    />
);
