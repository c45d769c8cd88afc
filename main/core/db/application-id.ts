/** Marks a SQLite file as ours ("BLOS"), so a foreign database is refused instead of being written into. */
export const BLO_APPLICATION_ID = 0x424c4f53
