/**
 * WebSocket close codes the sync server uses, shared so that the client can tell
 * a refusal (do not retry) from a restart (retry soon). Codes below 4000 are the
 * standard ones from RFC 6455 and the IANA registry. Ours follow y-websocket 3's
 * convention, which stock clients act on: 4400–4499 mirror HTTP 4xx and are
 * permanent (the client stops reconnecting), 4500–4599 are "try again".
 */
export const CloseCode = {
  /** Normal closure. */
  Normal: 1000,
  /** A message was larger than `MAX_MESSAGE_BYTES`; refused before it was parsed. */
  MessageTooLarge: 1009,
  /** The server failed (for example, storage could not be written). Retry later. */
  InternalError: 1011,
  /** The server is restarting; reconnect shortly. */
  ServerRestarting: 1012,
  /** A message could not be decoded, or it carried an invalid update. */
  MalformedMessage: 4400,
  /** An update would take the document past its size limit; it was not saved. */
  DocumentTooLarge: 4413,
  /** The connection has no valid session. */
  Unauthenticated: 4401,
  /** The user may not open this document. */
  Forbidden: 4403,
  /** The document id in the URL is not a valid id. */
  InvalidDocumentId: 4404,
  /** A well-formed update would break the item's schema (`schema-guard.ts`); nothing was saved. */
  SchemaViolation: 4422,
  /**
   * The document's stored copy is damaged and cannot be opened; nothing was changed.
   * Permanent (HTTP 423, locked) until an administrator restores it (README: after damage).
   */
  DocumentDamaged: 4423,
  /** The connection's role or the document's sharing changed; reconnect to get the new rights. */
  RightsChanged: 4501,
  /** An update did not fit the document even after a request to sync; reconnect. */
  OutOfSync: 4512,
  /** Too many messages arrived before the document finished loading; reconnect. */
  TooManyPendingMessages: 4503,
  /** The connection sent messages faster than allowed; reconnect later. */
  RateLimited: 4529,
  /** The account has too many sync sockets open; reconnect when one has closed. */
  TooManySockets: 4530,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether a client should stop reconnecting after this code (y-websocket 3's default rule). */
export function isPermanentCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Human sentences for the close reasons, sent as the close frame's reason. */
export const CLOSE_REASONS: Readonly<Record<CloseCode, string>> = {
  [CloseCode.Normal]: 'closed',
  [CloseCode.MessageTooLarge]: 'message too large',
  [CloseCode.InternalError]: 'server error; changes not saved were kept on your device',
  [CloseCode.ServerRestarting]: 'server restarting',
  [CloseCode.MalformedMessage]: 'malformed message',
  [CloseCode.DocumentTooLarge]: 'document too large: this change was not saved',
  [CloseCode.Unauthenticated]: 'sign in required',
  [CloseCode.Forbidden]: 'not allowed to open this document',
  [CloseCode.InvalidDocumentId]: 'invalid document id',
  [CloseCode.SchemaViolation]: 'a change would have damaged this item; it was not saved',
  [CloseCode.OutOfSync]: 'changes did not fit the document; reconnect to sync again',
  [CloseCode.DocumentDamaged]: 'the stored document is damaged; an administrator must restore it',
  [CloseCode.TooManyPendingMessages]: 'too many messages before the document loaded',
  [CloseCode.RightsChanged]: 'your access changed',
  [CloseCode.RateLimited]: 'too many messages',
  [CloseCode.TooManySockets]: 'too many open connections for this account',
};

/** Each code's name, for metrics labels and log lines (`schema_violation`). */
export const CLOSE_CODE_NAMES: Readonly<Record<CloseCode, string>> = {
  [CloseCode.Normal]: 'normal',
  [CloseCode.MessageTooLarge]: 'message_too_large',
  [CloseCode.InternalError]: 'internal_error',
  [CloseCode.ServerRestarting]: 'server_restarting',
  [CloseCode.MalformedMessage]: 'malformed_message',
  [CloseCode.DocumentTooLarge]: 'document_too_large',
  [CloseCode.Unauthenticated]: 'unauthenticated',
  [CloseCode.Forbidden]: 'forbidden',
  [CloseCode.InvalidDocumentId]: 'invalid_document_id',
  [CloseCode.SchemaViolation]: 'schema_violation',
  [CloseCode.OutOfSync]: 'out_of_sync',
  [CloseCode.DocumentDamaged]: 'document_damaged',
  [CloseCode.TooManyPendingMessages]: 'too_many_pending_messages',
  [CloseCode.RightsChanged]: 'rights_changed',
  [CloseCode.RateLimited]: 'rate_limited',
  [CloseCode.TooManySockets]: 'too_many_sockets',
};
