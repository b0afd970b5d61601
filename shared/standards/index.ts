// Entry point of the standards library: built-in templates, validation, and assessment scoring.
export * from './score';
export * from './templates';
export * from './validate';
