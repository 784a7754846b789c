/**
 * What a room takes of an update before it is stored, in order: the update check
 * (`update-check.ts`, which in the same walk collects what the schema guard reads),
 * the fit with the room's clocks (`update-fit.ts`; one that does not fit is dropped and
 * its sender asked to sync again), the document's size limit (`document-size.ts`) and
 * the schema guard (`schema-guard.ts`). Owns the room's clocks and size as they will
 * be once every accepted update is applied. A refusal is counted, logged and closes
 * the sender's connection here.
 */
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import type { Connection } from './connection';
import { DocumentSize } from './document-size';
import { isEmptyUpdate, MalformedMessageError } from './message-codec';
import type { ResyncRequests } from './resync-requests';
import { type SchemaGuard, SchemaViolation } from './schema-guard';
import type { SyncMeter } from './sync-meter';
import { checkUpdate, type UpdateShape } from './update-check';
import type { UpdateStructs } from './update-structs';
import { fittingPart, RoomClocks } from './update-fit';

export interface RoomIntakeOptions {
  /** Largest document (encoded bytes) updates from clients may make it. */
  readonly maxDocumentBytes: number;
  readonly meter: SyncMeter;
  readonly resyncs: ResyncRequests;
  /** Null for a document with no item schema (comments). */
  readonly schema: SchemaGuard | null;
  /** The room's document with every stored update applied. */
  readonly doc: () => Y.Doc;
  /** The document's encoded size, with the updates still being written. */
  readonly measure: () => number;
  /** Closes a connection that sent a malformed message. */
  readonly refuse: (connection: Connection, error: unknown) => void;
}

/** An update the room takes, with what it writes as the check read it (null without a schema). */
export interface TakenUpdate {
  readonly update: Uint8Array;
  readonly written: UpdateStructs | null;
}

export class RoomIntake {
  /** The document's clocks once every accepted update is applied (set by `loaded`). */
  private clocks: RoomClocks;
  private docSize = new DocumentSize(Number.POSITIVE_INFINITY, 0);

  constructor(
    private readonly options: RoomIntakeOptions,
    doc: Y.Doc,
  ) {
    this.clocks = RoomClocks.of(doc);
  }

  /** The room has loaded `doc`, stored in `storedBytes`. */
  loaded(doc: Y.Doc, storedBytes: number): void {
    this.clocks = RoomClocks.of(doc);
    this.docSize = new DocumentSize(this.options.maxDocumentBytes, storedBytes);
  }

  /**
   * The update to store (the whole of `received`, or the part that fits; it may be
   * empty), or null when it was refused or its sender asked to sync again.
   */
  take(connection: Connection, seq: number, received: Uint8Array): TakenUpdate | null {
    const { meter, schema } = this.options;
    let shape: UpdateShape;
    try {
      // Check the whole update before it reaches the log, so garbage is never stored; the
      // same pass collects what the schema guard reads, so the update is read once.
      shape = checkUpdate(received, schema !== null);
    } catch (error) {
      meter.refuse('malformed_message');
      this.options.refuse(
        connection,
        new MalformedMessageError(`invalid update: ${String(error)}`),
      );
      return null;
    }
    const fitting = this.fitting(connection, seq, received, shape);
    if (!fitting) return null;
    const { update } = fitting;
    const taken = { update, written: fitting.shape.written };
    if (isEmptyUpdate(update)) return taken;
    if (this.docSize.wouldExceed(update.byteLength, this.options.measure)) {
      connection.logger.warn('update refused: the document would pass its size limit', {
        bytes: update.byteLength,
        limit: this.options.maxDocumentBytes,
      });
      meter.refuse('document_too_large');
      connection.close(CloseCode.DocumentTooLarge);
      return null;
    }
    // Last: the schema guard remembers what it accepts.
    if (this.breaksSchema(connection, fitting.shape)) return null;
    this.clocks.accept(fitting.shape);
    this.docSize.added(update.byteLength);
    return taken;
  }

  /**
   * A change the server made on a copy of the document: it always fits, and is
   * remembered. Returns what it writes (null without a schema).
   */
  takeServerChange(update: Uint8Array): UpdateStructs | null {
    const { schema } = this.options;
    const shape = checkUpdate(update, schema !== null);
    schema?.note(shape);
    this.clocks.accept(shape);
    this.docSize.added(update.byteLength);
    return shape.written;
  }

  /**
   * An update another process committed (scale-out): checked again, as it crossed a
   * process boundary, and taken if it fits. `misfit` means something was missed; the
   * room then reads the stored document instead.
   */
  takeRemote(update: Uint8Array): 'taken' | 'misfit' | 'malformed' {
    const { schema } = this.options;
    let shape: UpdateShape;
    try {
      shape = checkUpdate(update, schema !== null);
    } catch {
      return 'malformed';
    }
    if (this.clocks.misfit(shape) !== null) return 'misfit';
    schema?.note(shape);
    this.clocks.accept(shape);
    this.docSize.added(update.byteLength);
    return 'taken';
  }

  /** After a failed write: the clocks counted an update the document will never have. */
  recount(doc: Y.Doc): void {
    this.clocks = RoomClocks.of(doc);
  }

  /**
   * The update, or the part of it the room takes. One that does not fit the document
   * (`update-fit.ts`) is neither stored nor passed on: the client is asked to sync
   * again (`resync-requests.ts`). If its answer does not fit either, it holds structs
   * that never can (pending in it since before this check), so the room keeps the part
   * that fits, and the client's own changes are saved; should even that not fit, the
   * connection closes with 4512 rather than loop.
   */
  private fitting(
    connection: Connection,
    seq: number,
    update: Uint8Array,
    shape: UpdateShape,
  ): { update: Uint8Array; shape: UpdateShape } | null {
    const { meter, resyncs, schema } = this.options;
    const misfit = this.clocks.misfit(shape);
    if (!misfit) return { update, shape };
    connection.logger.warn('update does not fit the document', {
      misfit,
      bytes: update.byteLength,
    });
    if (!resyncs.asked(connection)) {
      meter.refuse('resync_requested');
      resyncs.ask(connection, seq, this.clocks.stateVector());
      return null;
    }
    try {
      const part = fittingPart(this.options.doc(), update);
      const partShape = checkUpdate(part, schema !== null);
      if (this.clocks.misfit(partShape) === null) return { update: part, shape: partShape };
    } catch (error) {
      connection.logger.warn('the part of an update that fits failed', { error });
    }
    meter.refuse('out_of_sync');
    connection.close(CloseCode.OutOfSync);
    return null;
  }

  /** Refuses (closes the author's connection) an update that would damage the item. */
  private breaksSchema(connection: Connection, shape: UpdateShape): boolean {
    try {
      this.options.schema?.check(shape);
      return false;
    } catch (error) {
      if (!(error instanceof SchemaViolation)) throw error;
      connection.logger.warn('update refused: it breaks the item schema', {
        problem: error.message,
      });
      this.options.meter.refuse('schema_violation');
      connection.close(CloseCode.SchemaViolation);
      return true;
    }
  }
}
