import mongoose, { Schema } from 'mongoose';
import { jsonPlugin } from '../platform/database/json-plugin';

// Changes the legal office makes to the working-day calendar (DOMAIN.md §8): each is numbered, so
// the calendar as of any version can be rebuilt (package data + changes up to that number) and a
// deadline computed with an older version stays reproducible.
const calendarChangeSchema = new Schema(
  {
    /** Calendar version this change created (1, 2, 3 …; unique, so concurrent edits serialise). */
    version: { type: Number, required: true, unique: true },
    date: { type: String, required: true }, // YYYY-MM-DD
    /**
     * holiday: a non-working day; workday: a working day (e.g. 调休 Sunday); normal: neither (weekdays
     * work, weekends rest); default: as the packaged schedule says.
     */
    kind: { type: String, enum: ['holiday', 'workday', 'normal', 'default'], required: true },
    name: { type: String },
    reason: { type: String, required: true },
    /** Set when the change belongs to the import of a whole year's schedule. */
    importedYear: { type: Number },
    byUserId: { type: Schema.Types.ObjectId, ref: 'User' },
    byName: { type: String },
    at: { type: Date, required: true },
  },
  { collection: 'calendar_changes' },
);
calendarChangeSchema.index({ date: 1, version: 1 });
calendarChangeSchema.plugin(jsonPlugin);

export const CalendarChangeModel = mongoose.model('CalendarChange', calendarChangeSchema);
