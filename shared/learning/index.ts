// Entry point of the pure learning and campaign rules (学习与争创).
export * from './campaign';
export * from './targets';
