import { Chalk, type ChalkInstance } from 'chalk';
import type { OutputStream } from './context.js';

// Colour only on a terminal and never with NO_COLOR (https://no-color.org); chalk alone does
// not honour NO_COLOR, so every coloured stream goes through here.

export function colourFor(stream: OutputStream, env: Record<string, string | undefined>): ChalkInstance {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({ level: 0 });
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
    return new Chalk({ level: Math.max(1, Math.min(3, Number(env.FORCE_COLOR) || 1)) as 1 | 2 | 3 });
  if (!stream.isTTY || env.TERM === 'dumb') return new Chalk({ level: 0 });
  return new Chalk();
}
