export * from './db';
export * from './rows';
export * from './registry-rows';
export * from './observe';
export * from './errors';
export * from './tables';
export * from './report';
export * from './faults';
