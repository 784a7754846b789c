/**
 * The comments API (`server/api/routes/comment-routes.ts`): every change to a
 * comment is a request; the result arrives through the live comments document.
 */
import type { Anchor } from '../../../shared/comments';
import type { ApiClient } from '../../lib/api';

export interface CommentActions {
  add(body: string, anchor: Anchor | null): Promise<void>;
  reply(to: string, body: string): Promise<void>;
  edit(id: string, body: string): Promise<void>;
  remove(id: string): Promise<void>;
  resolve(id: string, response: string): Promise<void>;
  reopen(id: string): Promise<void>;
  hide(id: string): Promise<void>;
}

export function commentActions(api: ApiClient, itemId: string): CommentActions {
  const base = `/items/${itemId}/comments`;
  const send = async (method: string, path: string, body?: unknown) => {
    await api.request(method, path, body);
  };
  return {
    add: (body, anchor) => send('POST', base, { body, anchor, replyTo: null }),
    reply: (to, body) => send('POST', base, { body, anchor: null, replyTo: to }),
    edit: (id, body) => send('PATCH', `${base}/${id}`, { body }),
    remove: (id) => send('DELETE', `${base}/${id}`),
    resolve: (id, response) => send('POST', `${base}/${id}/resolve`, { response }),
    reopen: (id) => send('POST', `${base}/${id}/reopen`),
    hide: (id) => send('POST', `${base}/${id}/hide`),
  };
}
