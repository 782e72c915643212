// The one way to send a Message: the reply comes back typed by the message's
// type. The transport is passed in (runtime.sendMessage, or tabs.sendMessage
// bound to a tab) so this module carries no browser API and tests can fake it.

import type { Message, Reply, Response } from './messages';

export type Transport = (message: Message) => Promise<unknown>;

export type Send = <M extends Message>(message: M) => Promise<Response<Reply<M['type']>>>;

/**
 * A typed sender over a transport. A rejected transport (no receiver, a closed
 * tab) still rejects, as the browser's own call does; an answer that is not a
 * Response (nobody answered) becomes a refusal.
 */
export function sender(transport: Transport): Send {
  return async <M extends Message>(message: M): Promise<Response<Reply<M['type']>>> => {
    const reply = await transport(message);
    if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return { ok: false, error: 'no answer' };
    if (reply.ok !== true) return { ok: false, error: 'error' in reply && typeof reply.error === 'string' ? reply.error : 'refused without a reason' };
    // The receivers (background-handler.ts, collect-all-in-page.ts) are typed by the
    // same Replies map; what crossed the boundary is our own answer, not a page's.
    return reply as Response<Reply<M['type']>>;
  };
}
