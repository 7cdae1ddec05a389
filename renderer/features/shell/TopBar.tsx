import { useEffect, useState } from 'react';
import { formatDate, formatTime } from '../../lib/format.ts';
import { NAV } from '../../lib/strings.ts';
import type { Area } from '../../lib/route.ts';
import { useSession } from '../../stores/session.ts';

export function TopBar({ area }: { area: Area }) {
  const storeName = useSession((s) => s.status?.storeName ?? '');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 20_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <header className="topbar">
      <span className="topbar-area">{NAV[area]}</span>
      <span className="topbar-store" data-testid="topbar-store">
        {storeName}
      </span>
      <time className="topbar-clock" dateTime={new Date(now).toISOString()}>
        {formatDate(now)} · {formatTime(now)}
      </time>
    </header>
  );
}
