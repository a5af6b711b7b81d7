import fileConfig from '../../relais.config.ts';
import { resolveRelaisConfig } from './relais-config.ts';

/** The running configuration: relais.config.ts, then environment overrides. */
export const relaisConfig = resolveRelaisConfig(fileConfig);
