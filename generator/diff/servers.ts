// The server family: a base URL that is gone (clients configured with the default reach another
// host) is a warning, as the issue asks; a new one is an addition. Operation-level servers are
// compared only where an operation or path declares its own.
import type { Server } from '../model/types.ts';
import { defineChecks } from './checks.ts';
import type { DiffContext } from './context.ts';

export const serverChecks = defineChecks('servers', {
  'api-server-url-changed': ['warning', 'minor', 'a server URL (or the default of one of its variables) is gone'],
  'api-server-added': ['info', 'minor', 'a new server URL'],
});

const serverText = (s: Server) => s.url + s.variables.map((v) => ` ${v.name}=${v.default}`).join('');

function compare(ctx: DiffContext, olds: Server[], news: Server[], file: string, pointer: string, operation?: string): void {
  const newTexts = new Set(news.map(serverText));
  const oldTexts = new Set(olds.map(serverText));
  olds.forEach((s, i) => {
    if (newTexts.has(serverText(s))) return;
    const now = news[i] ?? news[0];
    ctx.add('api-server-url-changed', `server ${serverText(s)} is gone${now ? ` (now ${serverText(now)})` : ''}`, { file, pointer: `${pointer}/${news[i] ? i : 0}` }, operation);
  });
  news.forEach((s, i) => {
    if (!oldTexts.has(serverText(s))) ctx.add('api-server-added', `server ${serverText(s)} added`, { file, pointer: `${pointer}/${i}` }, operation);
  });
}

export function serverChanges(ctx: DiffContext): void {
  compare(ctx, ctx.old.servers, ctx.neu.servers, ctx.neu.source, '/servers');
  for (const { old, new: n, label } of ctx.pairs) {
    const own = old.servers !== ctx.old.servers || n.servers !== ctx.neu.servers;
    if (own) compare(ctx, old.servers, n.servers, n.loc.file, `${n.loc.pointer}/servers`, label);
  }
}
