/**
 * The personal-data guardrail on the server: a comment, reply or response that
 * looks like it holds personal data is refused unless its author posts anyway with
 * a reason, and then nothing is lost (the words stored as written, a flag saying
 * who, when, what and why); flags on an item's text can only be made by someone who
 * may edit it, for text that is there; facilitators see every flag, resolved once
 * the text no longer holds it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../shared/comments';
import { fieldText } from '../../shared/documents/item-doc';
import type { PersonalDataFlagView } from '../../shared/schemas/personal-data';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** Valid by its modulus-11 check digit. */
const NHS_NUMBER = '943 476 5919';

describe('personal-data guardrail', () => {
  let workspace: TestWorkspace;
  let itemId: string;
  let reviewer: TestPerson;
  let participant: TestPerson;
  let outsider: TestPerson;
  const clients: StockClient[] = [];
  const api = async (person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const storedComments = () =>
    workspace.server.registry.read(commentsDocId(itemId), (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)),
    );
  const flags = () => workspace.server.meta.listPersonalDataFlags(workspace.labId);
  const flagList = async () =>
    (await api(workspace.owner, 'GET', `/labs/${workspace.labId}/personal-data`)).body
      .flags as PersonalDataFlagView[];

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const created = await api(workspace.owner, 'POST', `/labs/${workspace.labId}/items`, {
      kind: 'problem',
      title: 'Falls',
    });
    itemId = (created.body.item as { id: string }).id;
    reviewer = await addPerson(workspace.server.meta, 'Pat Patient');
    participant = await addPerson(workspace.server.meta, 'Nia Nurse');
    outsider = await addPerson(workspace.server.meta, 'Otto Outsider');
    await addMember(workspace.server.meta, workspace.labId, reviewer.user, 'reviewer');
    await addMember(workspace.server.meta, workspace.labId, participant.user, 'participant');
    await api(workspace.owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('refuses a comment with an NHS number and changes nothing, then keeps it whole when posted anyway with a reason', async () => {
    const body = `My mother's number is ${NHS_NUMBER}, she fell twice.`;
    const auditBefore = workspace.server.meta.listAudit(workspace.labId, 1000).length;

    const refused = await api(reviewer, 'POST', `/items/${itemId}/comments`, { body });
    expect(refused.status).toBe(422);
    const error = refused.body.error as { code: string; message: string; findings: unknown };
    expect(error.code).toBe('personal_data');
    expect(error.message).toBe(
      'This looks like an NHS number. Please remove it: comments are seen by the lab team and may be shared.',
    );
    expect(error.findings).toEqual([{ kind: 'nhs_number', start: 22, end: 34 }]);
    expect(await storedComments()).toEqual([]);
    expect(flags()).toEqual([]);
    expect(workspace.server.meta.listAudit(workspace.labId, 1000)).toHaveLength(auditBefore);

    // An empty reason is no reason.
    const blank = await api(reviewer, 'POST', `/items/${itemId}/comments`, {
      body,
      personalData: { reason: '  ' },
    });
    expect(blank.status).toBe(400);
    expect(await storedComments()).toEqual([]);

    const posted = await api(reviewer, 'POST', `/items/${itemId}/comments`, {
      body,
      personalData: { reason: 'The ward needs it to find her notes' },
    });
    expect(posted.status).toBe(201);
    const comment = posted.body.comment as Comment;
    const [stored] = await storedComments();
    expect(stored?.body).toBe(body);
    expect(stored?.id).toBe(comment.id);
    expect(flags()).toEqual([
      {
        id: expect.any(String),
        labId: workspace.labId,
        itemId,
        place: { type: 'comment', commentId: comment.id, part: 'body' },
        userId: reviewer.user.id,
        at: expect.any(String),
        findings: [{ kind: 'nhs_number', start: 22, end: 34 }],
        reason: 'The ward needs it to find her notes',
      },
    ]);
    const audited = workspace.server.meta
      .listAudit(workspace.labId, 1000)
      .filter((event) => event.type === 'personal_data.flagged');
    expect(audited).toHaveLength(1);
    expect(audited[0]?.details).toEqual({ itemId, commentId: comment.id, kinds: 'nhs_number' });
    // The audit trail names the kind, never the number.
    expect(JSON.stringify(workspace.server.meta.listAudit(null, 1000))).not.toContain('5919');
    // The flag is the reviewer's data too.
    const mine = await api(reviewer, 'GET', '/account/data');
    expect(mine.body.personalDataFlags).toEqual(flags());
  });

  it('checks replies, edits and "we did" responses the same way', async () => {
    const first = await api(reviewer, 'POST', `/items/${itemId}/comments`, {
      body: 'The bell is out of reach.',
    });
    const rootId = (first.body.comment as Comment).id;
    const reply = await api(participant, 'POST', `/items/${itemId}/comments`, {
      body: 'Call me on 020 7946 0018',
      replyTo: rootId,
    });
    expect(reply.status).toBe(422);
    expect((reply.body.error as { message: string }).message).toMatch(/a phone number/);
    const edit = await api(reviewer, 'PATCH', `/items/${itemId}/comments/${rootId}`, {
      body: `Write to pat@example.org about it`,
    });
    expect(edit.status).toBe(422);
    const response = await api(
      workspace.owner,
      'POST',
      `/items/${itemId}/comments/${rootId}/resolve`,
      {
        response: `We moved the bell for the patient at SW1A 1AA`,
      },
    );
    expect(response.status).toBe(422);
    expect((response.body.error as { message: string }).message).toMatch(/a postcode/);
    expect((await storedComments()).map((x) => [x.body, x.status])).toEqual([
      ['The bell is out of reach.', 'open'],
    ]);

    const kept = await api(workspace.owner, 'POST', `/items/${itemId}/comments/${rootId}/resolve`, {
      response: 'We moved the bell for the patient at SW1A 1AA',
      personalData: { reason: 'It is the hospital’s own address' },
    });
    expect(kept.status).toBe(200);
    expect((await storedComments())[0]?.resolution?.response).toBe(
      'We moved the bell for the patient at SW1A 1AA',
    );
    expect(flags().map((flag) => [flag.place, flag.findings, flag.userId])).toEqual([
      [
        { type: 'comment', commentId: rootId, part: 'response' },
        [{ kind: 'postcode', start: 37, end: 45 }],
        workspace.owner.user.id,
      ],
    ]);
  });

  it('uses the lab’s hospital number formats, which only facilitators set', async () => {
    const masks = { hospitalNumberMasks: 'RX######, @#######' };
    expect((await api(participant, 'PATCH', `/labs/${workspace.labId}`, masks)).status).toBe(403);
    const body = 'Seen under RX123456 last week';
    expect((await api(reviewer, 'POST', `/items/${itemId}/comments`, { body })).status).toBe(201);
    const set = await api(workspace.owner, 'PATCH', `/labs/${workspace.labId}`, masks);
    expect(set.status).toBe(200);
    expect((set.body.lab as { hospitalNumberMasks: string[] }).hospitalNumberMasks).toEqual([
      'RX######',
      '@#######',
    ]);
    const refused = await api(reviewer, 'POST', `/items/${itemId}/comments`, { body });
    expect(refused.status).toBe(422);
    expect((refused.body.error as { message: string }).message).toMatch(/a hospital number/);
    const bad = await api(workspace.owner, 'PATCH', `/labs/${workspace.labId}`, {
      hospitalNumberMasks: 'R(.*)+',
    });
    expect(bad.status).toBe(400);
  });

  it('lets only someone who may edit an item flag its text, for text that is there; a reviewer cannot fake one', async () => {
    const path = `/items/${itemId}/personal-data-flags`;
    const flag = { target: 'fields.what', reason: 'Quoted from the incident report' };
    // Nothing there yet.
    expect((await api(participant, 'POST', path, flag)).status).toBe(422);
    const editor = connectStockClient(workspace.url, itemId, workspace.auth(participant));
    clients.push(editor);
    await editor.whenSynced();
    fieldText(editor.doc, 'what').insert(0, `Falls of patient ${NHS_NUMBER} at night`);
    await expect
      .poll(() =>
        workspace.server.registry.read(itemId, (doc) => fieldText(doc, 'what').toString()),
      )
      .toContain(NHS_NUMBER);

    // The reviewer may comment on the item but not change its text, so may not flag it.
    expect((await api(reviewer, 'POST', path, flag)).status).toBe(403);
    // Someone outside the lab does not learn the item exists.
    expect((await api(outsider, 'POST', path, flag)).status).toBe(404);
    expect(flags()).toEqual([]);

    expect((await api(participant, 'POST', path, flag)).status).toBe(201);
    expect(flags().map((each) => [each.place, each.findings, each.userId])).toEqual([
      [
        { type: 'field', target: 'fields.what' },
        [{ kind: 'nhs_number', start: 17, end: 29 }],
        participant.user.id,
      ],
    ]);
  });

  it('lists flags for facilitators only, resolved once the text no longer holds them', async () => {
    const posted = await api(reviewer, 'POST', `/items/${itemId}/comments`, {
      body: `Born 12/03/1951, fell at home`,
      personalData: { reason: 'Age matters here' },
    });
    expect(posted.status).toBe(201);
    const commentId = (posted.body.comment as Comment).id;
    for (const person of [reviewer, participant]) {
      expect((await api(person, 'GET', `/labs/${workspace.labId}/personal-data`)).status).toBe(403);
    }
    expect(await flagList()).toEqual([
      {
        id: expect.any(String),
        itemId,
        itemTitle: 'Falls',
        where: 'A comment',
        place: { type: 'comment', commentId, part: 'body' },
        kinds: ['Date of birth'],
        by: 'Pat Patient',
        at: expect.any(String),
        reason: 'Age matters here',
        resolved: false,
      },
    ]);
    const edited = await api(reviewer, 'PATCH', `/items/${itemId}/comments/${commentId}`, {
      body: 'Fell at home',
    });
    expect(edited.status).toBe(200);
    expect((await flagList()).map((flag) => flag.resolved)).toEqual([true]);
  });
});
