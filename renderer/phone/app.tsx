/** The phone app's screens: join, the room (board, write, dots), and out. docs/ARCHITECTURE.md, "Phones in the room". */
import { useEffect, useState } from 'preact/hooks';
import type { Department } from '../../core/model';
import type { PhoneClient } from './client';
import { languages, pickLanguage, translator, type Language, type Translate } from './i18n';
import { JoinScreen } from './join-screen';
import { RoomScreen } from './room-screen';
import type { PhoneState } from './state';
import { storeLanguage, type KeyValueStore } from './storage';

/** Re-renders on every change of the client's state or drafts. */
function useClient(client: PhoneClient): PhoneState {
  const [, setVersion] = useState(0);
  useEffect(() => client.subscribe(() => setVersion((version) => version + 1)), [client]);
  return client.getState();
}

export function App({ client, store, storedLanguage }: { client: PhoneClient; store: KeyValueStore; storedLanguage: string | undefined }) {
  const state = useClient(client);
  const [language, setLanguage] = useState<Language>(() => pickLanguage(storedLanguage, navigator.languages ?? [navigator.language]));
  const t = translator(language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translator(language)('appTitle');
  }, [language]);
  const choose = (next: Language) => {
    setLanguage(next);
    storeLanguage(store, next);
  };
  return (
    <div class="page">
      <header class="top">
        <ConnectionState state={state} t={t} />
        <div class="languages" role="group" aria-label={t('languageLabel')}>
          {languages.map((option) => (
            <button key={option} type="button" class="language" aria-pressed={option === language} lang={option} onClick={() => choose(option)}>
              {t(`language_${option}`)}
            </button>
          ))}
        </div>
      </header>
      <Screen client={client} state={state} t={t} language={language} />
    </div>
  );
}

function ConnectionState({ state, t }: { state: PhoneState; t: Translate }) {
  const shown = state.stage === 'room' || state.stage === 'joining';
  return (
    <p class={`connection connection-${shown ? state.connection : 'idle'}`} role="status">
      {shown ? t(`connection_${state.connection === 'idle' ? 'connecting' : state.connection}`) : ''}
    </p>
  );
}

function Screen({ client, state, t, language }: { client: PhoneClient; state: PhoneState; t: Translate; language: Language }) {
  const [code, setCode] = useState('');
  switch (state.stage) {
    case 'join':
      return <JoinScreen client={client} state={state} t={t} code={code} setCode={setCode} />;
    case 'joining':
      return (
        <main class="center">
          <p class="big">{t('joining')}</p>
        </main>
      );
    case 'room':
      return <RoomScreen client={client} state={state} t={t} language={language} />;
    case 'removed':
    case 'ended':
    case 'replaced':
      return (
        <main class="center">
          <p class="big" role="alert">
            {t(`out_${state.stage}`)}
          </p>
          {state.stage === 'ended' && (
            <button type="button" class="primary" onClick={() => client.joinAgain()}>
              {t('joinAgain')}
            </button>
          )}
          {state.stage === 'replaced' && (
            <button type="button" class="primary" onClick={() => client.resume()}>
              {t('useHere')}
            </button>
          )}
        </main>
      );
  }
}

export const sideNames: Readonly<Record<Department, 'side_marketing' | 'side_sales' | 'side_other'>> = {
  marketing: 'side_marketing',
  sales: 'side_sales',
  other: 'side_other',
};
