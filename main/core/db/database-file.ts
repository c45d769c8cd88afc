/** The station database's file name inside its data folder (station.ts re-exports it for everyone else). */
export const DATABASE_FILE = 'station.db'
