/**
 * WebSocket close codes the sync server uses, shared so that the client can tell
 * a refusal (do not retry) from a restart (retry soon). Codes below 4000 are the
 * standard ones from RFC 6455 and the IANA registry; 4xxx are ours, numbered after
 * the HTTP status they resemble.
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
  /** The connection has no valid session. */
  Unauthenticated: 4401,
  /** The user may not open this document. */
  Forbidden: 4403,
  /** The document id in the URL is not a valid id. */
  InvalidDocumentId: 4404,
  /** Too many messages arrived before the document finished loading. */
  TooManyPendingMessages: 4408,
  /** The connection's role changed; reconnect to get the new rights. */
  RightsChanged: 4409,
  /** The connection sent messages faster than allowed. */
  RateLimited: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which a client should not reconnect on its own. */
export const PERMANENT_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Unauthenticated,
  CloseCode.Forbidden,
  CloseCode.InvalidDocumentId,
]);

/** Human sentences for the close reasons, sent as the close frame's reason. */
export const CLOSE_REASONS: Readonly<Record<CloseCode, string>> = {
  [CloseCode.Normal]: 'closed',
  [CloseCode.MessageTooLarge]: 'message too large',
  [CloseCode.InternalError]: 'server error; changes not saved were kept on your device',
  [CloseCode.ServerRestarting]: 'server restarting',
  [CloseCode.MalformedMessage]: 'malformed message',
  [CloseCode.Unauthenticated]: 'sign in required',
  [CloseCode.Forbidden]: 'not allowed to open this document',
  [CloseCode.InvalidDocumentId]: 'invalid document id',
  [CloseCode.TooManyPendingMessages]: 'too many messages before the document loaded',
  [CloseCode.RightsChanged]: 'your access changed',
  [CloseCode.RateLimited]: 'too many messages',
};
