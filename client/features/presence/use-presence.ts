/** Who is in a document now, read from its awareness states. */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface Present {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly isMe: boolean;
}

function readPresence(awareness: Awareness): Present[] {
  const people: Present[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') return;
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#425563',
      isMe: clientId === awareness.clientID,
    });
  });
  return people.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}

export function usePresence(awareness: Awareness): Present[] {
  const [people, setPeople] = useState(() => readPresence(awareness));
  useEffect(() => {
    const update = () => setPeople(readPresence(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return people;
}
