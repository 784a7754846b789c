/**
 * The activity's timer: the board holds only when it ends, and every screen counts
 * down to it on its own clock. Screen readers hear it start and end, not every second.
 */
import { useEffect, useState } from 'react';

function left(endsAt: string | null, now: number): number | null {
  if (endsAt === null) return null;
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

export function BoardTimer({ endsAt }: { endsAt: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  const seconds = left(endsAt, now);
  if (seconds === null) return null;
  const shown = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p className="workshop__timer" data-testid="workshop-timer">
      <span className="nhsuk-u-visually-hidden">Time left: </span>
      {seconds === 0 ? "Time's up" : shown}
    </p>
  );
}
