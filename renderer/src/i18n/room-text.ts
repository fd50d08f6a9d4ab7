/** The phones' UI text (features/room.ts), read with a key type of its own. docs/ARCHITECTURE.md, "Phones in the room". */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { en } from './features/room';

/** `a.b_one`/`a.b_other` → `a.b` (i18next picks the plural form by `count`). */
type Singular<K extends string> = K extends `${infer Base}_one` ? Base : K extends `${infer Base}_other` ? Base : K;
type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${Singular<K>}` : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type RoomKey = Keys<typeof en>;
export type RoomText = (key: RoomKey, options?: Readonly<Record<string, string | number>>) => string;

type LooseT = (key: string, options?: Readonly<Record<string, string | number>>) => string;

/** The room's text in the UI language; components re-render when the language changes. */
export function useRoomText(): RoomText {
  const { t } = useTranslation();
  const loose = t as unknown as LooseT;
  return useCallback<RoomText>((key, options) => loose(`room.${key}`, options), [loose]);
}

/** The same outside React (announcements after an action). */
export const roomText: RoomText = (key, options) => (i18next.t as unknown as LooseT)(`room.${key}`, options);
