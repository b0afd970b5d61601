// Entry point of the shared zod schemas.
export * from './common';
export * from './entities';
