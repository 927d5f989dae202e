import { useEffect, useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';

/** A search field that reports its text after the user pauses typing. */
export const SearchBox = ({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) => {
    const [text, setText] = useState(value);
    useEffect(() => setText(value), [value]);
    useEffect(() => {
        if (text === value) return;
        const timer = setTimeout(() => onChange(text), 400);
        return () => clearTimeout(timer);
    }, [text, value, onChange]);
    return (
        <TextField
            type="search"
            label={label}
            value={text}
            onChange={event => setText(event.target.value)}
            onKeyDown={event => {
                if (event.key === 'Enter') onChange(text);
            }}
            size="small"
            fullWidth
            slotProps={{
                input: {
                    startAdornment: (
                        <InputAdornment position="start">
                            <SearchIcon fontSize="small" />
                        </InputAdornment>
                    ),
                },
            }}
            sx={{ bgcolor: '#fff' }}
        />
    );
};
