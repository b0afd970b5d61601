// Entry point of scoring: the compliance engine and frequency-tier items.
export * from './compliance';
export * from './frequency';
export * from './tally';
