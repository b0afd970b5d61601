// Puts the lock screen in front of the app: at start when a lock is set, after the idle time, and on 立即锁定.
import { Alert } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { initialAttemptState, type AttemptState } from '../../../../shared/lock/attempts';
import { minutesToMs, startIdleTimer } from '../../../../shared/lock/idle';
import { APP_LOCK_CORRUPTED_WARNING } from '../../../../shared/lock/record';
import { hasAppLockResetQuery } from '../../../../shared/lock/reset';
import { Loading } from '../../ui/Loading';
import { AppLockContext, type AppLockControls } from './appLockContext';
import { checkUnlockPassword } from './appLockStore';
import { LockScreen } from './LockScreen';
import { ResetAppLockPrompt } from './ResetAppLockPrompt';
import { useAppLockStatus } from './useAppLockStatus';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

function dropResetQuery(): void {
  const url = new URL(window.location.href);
  url.search = '';
  window.history.replaceState(window.history.state, '', url);
}

export function AppLockGate({ children }: Readonly<{ children: ReactNode }>) {
  const status = useAppLockStatus();
  const [resetRequested, setResetRequested] = useState(() => hasAppLockResetQuery(window.location.search));
  // null until the first status is known: a lock that exists at start locks the app before anything is shown.
  const [locked, setLocked] = useState<boolean | null>(null);
  const [everUnlocked, setEverUnlocked] = useState(false);
  const [attempts, setAttempts] = useState<AttemptState>(initialAttemptState);
  const lockActive = status?.kind === 'set';
  const idleMinutes = status?.kind === 'set' ? status.record.idleMinutes : null;

  // Derived during render (React's "adjust state when a prop changes"): first status → locked or not; a removed or
  // corrupted lock unlocks; a lock set during this session does not lock the user out of the page they are on.
  if (status !== undefined && locked === null) setLocked(lockActive);
  if (locked === true && status !== undefined && !lockActive) setLocked(false);
  if (locked === false && !everUnlocked) setEverUnlocked(true);

  const lockNow = useCallback(() => {
    if (lockActive) setLocked(true);
  }, [lockActive]);
  const controls = useMemo<AppLockControls>(() => ({ lockNow }), [lockNow]);

  useEffect(() => {
    if (locked !== false || idleMinutes === null) return undefined;
    const timer = startIdleTimer({ timeoutMs: minutesToMs(idleMinutes), onIdle: () => setLocked(true) });
    const onActivity = () => timer.activity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [locked, idleMinutes]);

  if (status === undefined || locked === null) return <Loading tip="正在检查应用锁…" />;

  if (resetRequested && status.kind === 'set') {
    return (
      <ResetAppLockPrompt
        onDone={() => {
          dropResetQuery();
          setResetRequested(false);
        }}
      />
    );
  }

  return (
    <AppLockContext.Provider value={controls}>
      {status.kind === 'corrupted' && (
        <Alert type="warning" showIcon banner role="alert" title={APP_LOCK_CORRUPTED_WARNING} />
      )}
      {/* Kept mounted (hidden and inert) once unlocked, so an idle lock does not throw away a half-filled form. */}
      {everUnlocked && (
        <div hidden={locked} inert={locked}>
          {children}
        </div>
      )}
      {locked && (
        <LockScreen
          attempts={attempts}
          onAttempts={setAttempts}
          checkPassword={checkUnlockPassword}
          onUnlocked={() => setLocked(false)}
        />
      )}
    </AppLockContext.Provider>
  );
}
