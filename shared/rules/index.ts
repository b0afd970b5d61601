// Entry point of the rule pack: periods, frequency rules and quorum.
export * from './packs';
export * from './periods';
export * from './quorum';
