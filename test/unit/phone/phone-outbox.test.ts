/** The phone's outbox: typed → sent → received or refused, and what survives a reload (renderer/phone/outbox.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abandon,
  acknowledge,
  connectionLost,
  markSent,
  persistedOutbox,
  queue,
  readOutbox,
  toSend,
  type Outbox,
} from '../../../renderer/phone/outbox';
import { restoreRefused } from '../../../renderer/phone/drafts';
import { emptyDrafts } from '../../../renderer/phone/storage';

const topic = (title: string) => ({ type: 'addTopic' as const, title });

describe('the outbox', () => {
  it('moves a submission from waiting to sent to received, by its id', () => {
    let outbox: Outbox = queue([], 'a', topic('Preise'));
    expect(toSend(outbox).map((entry) => entry.status)).toEqual(['waiting']);
    outbox = markSent(outbox, ['a']);
    expect(outbox[0]?.status).toBe('sent');
    outbox = acknowledge(outbox, 'a', 'received');
    expect(outbox).toEqual([{ id: 'a', command: topic('Preise'), status: 'received' }]);
    expect(toSend(outbox)).toEqual([]);
  });

  it('keeps the refusal and ignores acks for ids it does not know or has settled', () => {
    let outbox: Outbox = markSent(queue([], 'a', topic('Preise')), ['a']);
    outbox = acknowledge(outbox, 'a', 'refused', 'paused');
    expect(outbox[0]).toMatchObject({ status: 'refused', refusal: 'paused' });
    expect(acknowledge(outbox, 'a', 'received')).toEqual(outbox);
    expect(acknowledge(outbox, 'zz', 'received')).toEqual(outbox);
  });

  it('sends again, with the same ids, what was on the wire when the connection dropped', () => {
    let outbox: Outbox = queue(queue([], 'a', topic('eins')), 'b', topic('zwei'));
    outbox = acknowledge(markSent(outbox, ['a', 'b']), 'a', 'received');
    outbox = connectionLost(outbox);
    expect(toSend(outbox).map((entry) => [entry.id, entry.status])).toEqual([['b', 'waiting']]);
  });

  it('never drops an unsettled entry when it trims the received ones', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (settles) => {
        let outbox: Outbox = [];
        settles.forEach((settle, index) => {
          outbox = queue(outbox, `m${index}`, topic(`t${index}`));
          if (settle) outbox = acknowledge(outbox, `m${index}`, 'received');
        });
        expect(toSend(outbox).map((entry) => entry.id)).toEqual(settles.flatMap((settle, index) => (settle ? [] : [`m${index}`])));
        expect(outbox.filter((entry) => entry.status === 'received').length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('marks what cannot arrive any more as undelivered when the room ends, and forgets dots', () => {
    const outbox = abandon(queue(queue([], 'a', topic('eins')), 'v', { type: 'vote', cardId: 'c', delta: 1 }));
    expect(outbox).toEqual([{ id: 'a', command: topic('eins'), status: 'undelivered' }]);
  });

  it('stores texts but no dots, and reads back only entries of its own shape', () => {
    const outbox = markSent(queue(queue([], 'a', topic('eins')), 'v', { type: 'vote', cardId: 'c', delta: 1 }), ['a', 'v']);
    const stored = JSON.parse(JSON.stringify(persistedOutbox(outbox))) as unknown;
    expect(readOutbox(stored)).toEqual([{ id: 'a', command: topic('eins'), status: 'waiting' }]);
    expect(
      readOutbox([
        null,
        1,
        { id: 'x' },
        { id: 'y', status: 'sent', command: { type: 'deleteEverything' } },
        { id: 'z', status: 'bogus', command: topic('t') },
      ]),
    ).toEqual([]);
    expect(readOutbox('not a list')).toEqual([]);
  });

  it('puts a refused text back into its field: as it is into an empty one, after the words already there', () => {
    const refused = { id: 'a', command: topic('Preise'), status: 'refused' as const, refusal: 'paused' as const };
    expect(restoreRefused(emptyDrafts, refused).topic).toBe('Preise');
    expect(restoreRefused({ ...emptyDrafts, topic: 'Messe' }, refused).topic).toBe('Messe Preise');
    expect(restoreRefused({ ...emptyDrafts, topic: 'Preise' }, refused).topic).toBe('Preise');
    const edit = { id: 'b', command: { type: 'editCaricature' as const, cardId: 'c1', title: 'neu' }, status: 'refused' as const };
    expect(restoreRefused(emptyDrafts, edit).edits).toEqual({ c1: 'neu' });
  });
});
