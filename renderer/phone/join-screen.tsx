/** The join form: the code (unless the QR code brought the room secret), a name, a side. docs/ARCHITECTURE.md, "Phones in the room". */
import { useEffect, useState } from 'preact/hooks';
import { departments } from '../../core/model';
import { readJoinCode } from '../../core/room-join';
import { roomLimits } from '../../core/room-protocol';
import type { PhoneClient } from './client';
import type { Translate } from './i18n';
import type { PhoneState } from './state';

interface Props {
  readonly client: PhoneClient;
  readonly state: PhoneState;
  readonly t: Translate;
  /** Kept by the app while the phone tries to join, so a wrong code comes back to be corrected. */
  readonly code: string;
  setCode(code: string): void;
}

export function JoinScreen({ client, state, t, code, setCode }: Props) {
  const profile = client.getProfile();
  const [name, setName] = useState(profile?.name ?? '');
  const [showCodeProblem, setShowCodeProblem] = useState(false);
  const waiting = useWaiting(state.waitUntil);
  const needsCode = state.secret === null;
  const reading = readJoinCode(code);
  const codeMessage = reading.ok
    ? t('code_ok')
    : reading.problem === 'notInAlphabet'
      ? t('code_notInAlphabet', { character: reading.character ?? '' })
      : t(`code_${reading.problem}`);
  const join = (side: (typeof departments)[number]) => {
    if (!needsCode) return client.join({ name: name.trim(), side });
    if (!reading.ok) return setShowCodeProblem(true);
    client.join({ code: reading.code, name: name.trim(), side });
  };
  return (
    <main class="join">
      <h1>{t('joinHeading')}</h1>
      {state.problem && (
        <p class="problem" role="alert">
          {t(`problem_${state.problem}`)}
        </p>
      )}
      <div class="bottom">
        {needsCode && (
          <div class="field">
            <label for="code">{t('codeLabel')}</label>
            <input
              id="code"
              class={`code${showCodeProblem && !reading.ok ? ' invalid' : ''}`}
              value={code}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              inputMode="text"
              enterkeyhint="next"
              maxLength={24}
              aria-describedby="code-message"
              aria-invalid={showCodeProblem && !reading.ok}
              onInput={(event) => {
                setCode(event.currentTarget.value);
                // Feedback as soon as a character can be no code's; "too short" only once they try to join.
                const typed = readJoinCode(event.currentTarget.value);
                setShowCodeProblem(!typed.ok && typed.problem === 'notInAlphabet');
              }}
            />
            <p id="code-message" class={`hint${showCodeProblem && !reading.ok ? ' error' : ''}`} aria-live="polite">
              {code === '' && !showCodeProblem ? t('codeHint') : reading.ok || showCodeProblem ? codeMessage : t('codeHint')}
            </p>
          </div>
        )}
        <div class="field">
          <label for="name">{t('nameLabel')}</label>
          <input
            id="name"
            value={name}
            maxLength={roomLimits.nameLength}
            autocomplete="nickname"
            enterkeyhint="done"
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <fieldset class="sides">
          <legend>{t('sideQuestion')}</legend>
          {departments.map((side) => (
            <button key={side} type="button" class="primary side" disabled={waiting} onClick={() => join(side)}>
              {t(`side_${side}`)}
            </button>
          ))}
        </fieldset>
      </div>
    </main>
  );
}

/** True until `until` (after too many wrong codes), re-rendering when the wait is over. */
function useWaiting(until: number): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), until - now);
    return () => clearTimeout(timer);
  }, [until, now]);
  return until > now;
}
