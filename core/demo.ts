/** A generated board for benchmarks and demos: `count` cards dealt round-robin over the lanes, no agenda. */
import { createSession, type Session } from './model';
import { addCard } from './operations';

export function createDemoSession(count: number): Session {
  let session = createSession('demo', { title: `Demo (${count})` });
  for (let i = 0; i < count; i++) {
    const laneId = session.laneOrder[i % session.laneOrder.length];
    if (laneId) session = addCard(session, `demo-${i + 1}`, laneId, `Topic ${i + 1}`);
  }
  return session;
}
