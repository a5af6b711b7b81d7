export * from './common.ts';
export * from './trade.ts';
export * from './skill.ts';
export * from './author.ts';
export * from './module.ts';
export * from './path.ts';
export * from './glossary.ts';
export * from './library.ts';
