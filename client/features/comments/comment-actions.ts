/**
 * The comments API (`server/api/routes/comment-routes.ts`): every change to a
 * comment is a request; the result arrives through the live comments document.
 */
import type { Anchor } from '../../../shared/comments';
import type { ApiClient } from '../../lib/api';

/** "Post anyway" with a reason: sent when the words look like personal data. */
type Acknowledgement = { readonly reason: string } | undefined;

export interface CommentActions {
  add(body: string, anchor: Anchor | null, acknowledgement?: Acknowledgement): Promise<void>;
  reply(to: string, body: string, acknowledgement?: Acknowledgement): Promise<void>;
  edit(id: string, body: string, acknowledgement?: Acknowledgement): Promise<void>;
  remove(id: string): Promise<void>;
  resolve(id: string, response: string, acknowledgement?: Acknowledgement): Promise<void>;
  reopen(id: string): Promise<void>;
  hide(id: string): Promise<void>;
}

export function commentActions(api: ApiClient, itemId: string): CommentActions {
  const base = `/items/${itemId}/comments`;
  const send = async (method: string, path: string, body?: unknown) => {
    await api.request(method, path, body);
  };
  const ack = (acknowledgement: Acknowledgement) =>
    acknowledgement ? { personalData: acknowledgement } : {};
  return {
    add: (body, anchor, a) => send('POST', base, { body, anchor, replyTo: null, ...ack(a) }),
    reply: (to, body, a) => send('POST', base, { body, anchor: null, replyTo: to, ...ack(a) }),
    edit: (id, body, a) => send('PATCH', `${base}/${id}`, { body, ...ack(a) }),
    remove: (id) => send('DELETE', `${base}/${id}`),
    resolve: (id, response, a) => send('POST', `${base}/${id}/resolve`, { response, ...ack(a) }),
    reopen: (id) => send('POST', `${base}/${id}/reopen`),
    hide: (id) => send('POST', `${base}/${id}/hide`),
  };
}
