/**
 * The comments API (`server/api/routes/comment-routes.ts`): every change to a
 * comment is a request; the result arrives through the live comments document.
 */
import { Api } from '../../../shared/api-routes';
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
  const on = (commentId: string) => ({ params: { itemId, commentId } });
  const ack = (acknowledgement: Acknowledgement) =>
    acknowledgement ? { personalData: acknowledgement } : {};
  const create = async (
    body: string,
    anchor: Anchor | null,
    replyTo: string | null,
    a: Acknowledgement,
  ) => {
    await api.call(Api.comments.create, {
      params: { itemId },
      body: { body, anchor, replyTo, ...ack(a) },
    });
  };
  return {
    add: (body, anchor, a) => create(body, anchor, null, a),
    reply: (to, body, a) => create(body, null, to, a),
    edit: async (id, body, a) => {
      await api.call(Api.comments.edit, { ...on(id), body: { body, ...ack(a) } });
    },
    remove: async (id) => {
      await api.call(Api.comments.delete, on(id));
    },
    resolve: async (id, response, a) => {
      await api.call(Api.comments.resolve, { ...on(id), body: { response, ...ack(a) } });
    },
    reopen: async (id) => {
      await api.call(Api.comments.reopen, on(id));
    },
    hide: async (id) => {
      await api.call(Api.comments.hide, on(id));
    },
  };
}
