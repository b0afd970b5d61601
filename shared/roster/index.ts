// Entry point of the pure 党员名册 helpers: sheet columns, date repair, row parsing and counts.
export * from './columns';
export * from './dates';
export * from './parse';
export * from './summary';
